/**
 * `npm run bench`: drives /api/messages on loopback with a bounded number of requests at a few
 * concurrency levels, with a local connector stand-in answering the replies, and prints
 * messages/s, p50/p99 latency, the bot process's CPU per message and peak RSS — for our bot (Redis state, NLU, dialogs) and for a
 * bare botbuilder echo bot (MemoryStorage, same restify, same load) as the ceiling.
 * Options: --total N (requests per level and round, default 2000), --levels 1,8,32, --rounds 3,
 * --conversations N (default 256), --redis URL, --node-flags "..." (extra Node flags for both
 * bots), --help. Medians over the rounds are printed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import { startConnectorStandIn } from '../test/support/connectorStandIn';
import { freePort, redisAnswers, startRedisProcess, type RedisProcess } from '../test/support/redisProcess';
import { benchMessage, postBenchMessage } from './benchMessage';
import { runLoad, type LoadResult } from './loadGenerator';

const ROOT = resolve(__dirname, '..');

const HELP = `npm run bench -- [options]: our bot against a bare botbuilder echo bot, over HTTP on loopback.
  --total N            requests per level and round (default 2000)
  --levels 1,8,32      concurrency levels (default 1,8,32)
  --rounds N           rounds; medians are printed (default 3)
  --conversations N    distinct conversations the messages spread over (default 256)
  --redis URL          Redis for our bot's state (default redis://127.0.0.1:6379; a private
                       redis-server is started when nothing answers there)
  --node-flags "..."   extra Node flags for both bots, e.g. "--max-semi-space-size=64"
  --help               this text
`;
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(HELP);
  process.exit(0);
}

/**
 * Both bots run their TypeScript through tsx's loader in the bot process itself (`node --import
 * tsx`, no launcher process), so peak RSS is the bot's own; tsx costs compile time at start only.
 */
const NODE_FLAGS = [...arg('node-flags', '').split(/\s+/).filter(Boolean), '--import', 'tsx'];

/**
 * Our bot runs with the heap flags `npm start` gives it (package.json: the cap and the heap growing
 * factor), before --node-flags, which can override them (V8 takes the last value); the echo bot
 * runs with Node's defaults.
 */
const START_FLAGS = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start
  .split(/\s+/)
  .filter((word) => /^--(max-old-space-size|heap-growing-percent)=/.test(word));

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const TOTAL = Number(arg('total', '2000'));
const ROUNDS = Number(arg('rounds', '3'));
const LEVELS = arg('levels', '1,8,32').split(',').map(Number);
const CONVERSATIONS = Number(arg('conversations', '256'));
const REDIS_URL_ARG = arg('redis', 'redis://127.0.0.1:6379');

async function startProcess(args: string[], env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolveReady, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`did not start: ${seen}`)), 60_000);
    const onData = (d: Buffer) => {
      seen += d.toString();
      if (ready.test(seen)) {
        clearTimeout(timer);
        resolveReady();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${seen}`)));
  });
  // Keep draining output so a full pipe never blocks the server's logging.
  child.stdout?.removeAllListeners('data').resume();
  child.stderr?.removeAllListeners('data').resume();
  child.removeAllListeners('exit');
  return child;
}

/** CPU seconds (user + system) a process has used so far, from /proc (clock ticks of 10 ms). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at state; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

interface Target {
  label: string;
  url: string;
  pid: number;
  send: (i: number) => Promise<boolean>;
}

/** One load run and the CPU the bot process spent on it, per message: steadier than msg/s on a shared machine. */
interface Measured extends LoadResult {
  cpuUsPerMessage: number;
}

function target(label: string, port: number, pid: number, connectorUrl: string): Target {
  const url = `http://127.0.0.1:${port}`;
  let seq = 0;
  // A fresh activity id for every request, as a real channel sends.
  const send = (i: number) => postBenchMessage(url, benchMessage(`${label}-${++seq}`, i, label, connectorUrl, CONVERSATIONS));
  return { label, url, pid, send };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Ours and the echo bot take turns at each level, ROUNDS times, and we keep medians: on a shared
 * 2-core machine a burst of other work would otherwise land on one side of the ratio only.
 */
async function compare(targets: Target[]): Promise<Map<string, Measured[][]>> {
  const results = new Map<string, Measured[][]>(targets.map((t) => [t.label, LEVELS.map(() => [])]));
  // Warm-up at the highest level: JIT, connection pools and caches, so round 1 measures like the rest.
  for (const t of targets) await runLoad(Math.max(...LEVELS), Math.min(1000, TOTAL), t.send);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [li, c] of LEVELS.entries()) {
      for (const t of targets) {
        const cpuBefore = cpuSeconds(t.pid);
        const load = await runLoad(c, TOTAL, t.send);
        const r = { ...load, cpuUsPerMessage: ((cpuSeconds(t.pid) - cpuBefore) / TOTAL) * 1e6 };
        results.get(t.label)?.[li].push(r);
        process.stderr.write(
          `round ${round + 1} ${t.label} c=${c}: ${r.perSecond.toFixed(0)} msg/s p50 ${r.p50.toFixed(1)} ms p99 ${r.p99.toFixed(1)} ms cpu ${r.cpuUsPerMessage.toFixed(0)} µs/msg errors ${r.errors}\n`,
        );
      }
    }
  }
  return results;
}

async function main(): Promise<void> {
  // Use the given (or local) Redis; if none answers, a private redis-server for the run.
  let ownRedis: RedisProcess | undefined;
  if (!(await redisAnswers(REDIS_URL_ARG))) ownRedis = await startRedisProcess();
  const REDIS_URL = ownRedis?.url ?? REDIS_URL_ARG;
  const connector = await startConnectorStandIn();
  const ourPort = await freePort();
  const prefix = `bench:${Date.now()}:`;
  const ours = await startProcess([...START_FLAGS, ...NODE_FLAGS, 'src/index.ts'], { PORT: String(ourPort), HOST: '127.0.0.1', REDIS_URL, REDIS_KEY_PREFIX: prefix, LOG_LEVEL: 'info' }, /listening/);
  const echoPort = await freePort();
  const echo = await startProcess([...NODE_FLAGS, 'bench/echoBot.ts', String(echoPort)], {}, /listening/);
  // The stand-in keeps every activity it gets, for tests; the bench only needs its 200s.
  const trim = setInterval(() => (connector.received.length = 0), 1000);
  try {
    const results = await compare([target('ours', ourPort, ours.pid ?? 0, connector.url), target('echo', echoPort, echo.pid ?? 0, connector.url)]);
    const of = (label: string, li: number, pick: (r: Measured) => number) => median((results.get(label)?.[li] ?? []).map(pick));
    const rows = LEVELS.map((c, li) => ({
      concurrency: c,
      ours_msg_s: Math.round(of('ours', li, (r) => r.perSecond)),
      ours_p50_ms: +of('ours', li, (r) => r.p50).toFixed(1),
      ours_p99_ms: +of('ours', li, (r) => r.p99).toFixed(1),
      ours_cpu_us: Math.round(of('ours', li, (r) => r.cpuUsPerMessage)),
      echo_msg_s: Math.round(of('echo', li, (r) => r.perSecond)),
      echo_cpu_us: Math.round(of('echo', li, (r) => r.cpuUsPerMessage)),
      echo_p99_ms: +of('echo', li, (r) => r.p99).toFixed(1),
      // Ratio of each round's neighbouring runs, then the median: drift between rounds cancels out.
      ratio: +median(
        (results.get('ours')?.[li] ?? []).map((r, round) => r.perSecond / (results.get('echo')?.[li][round]?.perSecond ?? NaN)),
      ).toFixed(2),
      errors: [...results.values()].flatMap((levels) => levels[li]).reduce((n, r) => n + r.errors, 0),
    }));
    console.table(rows);
    console.log(
      JSON.stringify({
        nodeFlags: NODE_FLAGS,
        oursStartFlags: START_FLAGS,
        total: TOTAL,
        rounds: ROUNDS,
        rows,
        oursPeakRssMb: Math.round(peakRssMb(ours.pid ?? 0)),
        echoPeakRssMb: Math.round(peakRssMb(echo.pid ?? 0)),
      }),
    );
  } finally {
    clearInterval(trim);
    ours.kill('SIGTERM');
    echo.kill('SIGTERM');
    await connector.close();
    if (ownRedis) await ownRedis.stop();
    else await removeKeys(REDIS_URL, prefix);
  }
}

/** The run's conversations would otherwise stay in the developer's Redis for STATE_TTL_SECONDS. */
async function removeKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    const stream = redis.scanStream({ match: `${prefix}*`, count: 1000 });
    for await (const keys of stream) if ((keys as string[]).length > 0) await redis.unlink(...(keys as string[]));
  } finally {
    redis.disconnect();
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
