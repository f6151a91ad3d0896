/**
 * `npm run faults`: the fault suite's longer, bounded run. Customers on all three channels talk to
 * two bot processes on an AOF Redis while each fault strikes in turn; prints per channel and fault
 * the messages sent, answered once, lost, doubled, refused (WeChat), 5xx, cut connections, other
 * replies and the recovery time; exits 1 if any message was lost or doubled.
 *
 *   npm run faults -- [--conversations 8] [--messages 8] [--rounds 3] [--outage-seconds 20] [--faults kill,redisRestart,redisStop,replay]
 *
 * Each fault runs `rounds` times (Redis stays down once per round); the table adds the rounds up
 * and keeps the longest recovery.
 */
import { z } from 'zod';
import { FAULT_NAMES, type FaultName } from './faultKinds';
import { faultQuestions } from './faultQuestions';
import { startFaultWorld, type FaultWorld } from './faultWorld';
import { faultTable, learnAnswers, mergeRuns, runFault, type FaultRun } from './runFault';

const USAGE = 'usage: npm run faults -- [--conversations N] [--messages N] [--rounds N] [--outage-seconds N] [--faults kill,redisRestart,redisStop,replay]';

const argsSchema = z.object({
  conversations: z.coerce.number().int().min(1).max(50).default(8),
  messages: z.coerce.number().int().min(1).max(12).default(8),
  rounds: z.coerce.number().int().min(1).max(20).default(3),
  'outage-seconds': z.coerce.number().min(1).max(120).default(20),
  faults: z
    .string()
    .default(FAULT_NAMES.join(','))
    .transform((s) => s.split(','))
    .pipe(z.array(z.enum(FAULT_NAMES)).min(1)),
});

function parseArgs(argv: string[]): z.output<typeof argsSchema> | 'help' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i];
    if (!name.startsWith('--') || argv[i + 1] === undefined) throw new Error(`unexpected argument ${name}`);
    raw[name.slice(2)] = argv[i + 1];
  }
  const parsed = argsSchema.strict().safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; '));
  return parsed.data;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
    if (args === 'help') {
      console.log(USAGE);
      return 0;
    }
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  let world: FaultWorld | undefined;
  const stop = () => {
    void world?.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    console.log('starting Redis (AOF) and two bot processes…');
    world = await startFaultWorld();
    const expected = await learnAnswers(world, faultQuestions(24));
    const load = { conversations: args.conversations, messages: args.messages, thinkMs: 5, afterMs: 500, busy: 4, outageMs: args['outage-seconds'] * 1000 };
    const runs: FaultRun[] = [];
    for (let round = 1; round <= args.rounds; round++) {
      for (const fault of args.faults as FaultName[]) {
        const started = Date.now();
        runs.push(await runFault(world, fault, load, expected));
        console.log(`round ${round}, ${fault}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
    }
    console.log(`\n${load.conversations} conversations per channel × ${load.messages} messages, per fault and round; ${args.rounds} rounds\n`);
    console.log(faultTable(mergeRuns(runs)));
    const bad = runs.flatMap((r) => r.results).filter((r) => r.lost > 0 || r.doubled > 0);
    return bad.length > 0 ? 1 : 0;
  } finally {
    await world?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
