/**
 * The fault suite (issue 13): customers on all three channels talk to two bot processes on a
 * Redis with the append-only file on, while a bot process is killed with SIGKILL mid-turn, Redis
 * is restarted, Redis is stopped for a while, and each channel's retries are replayed. Every
 * message must be shown to its customer exactly once: zero lost, zero doubled (WeChat messages
 * whose three tries all fell inside the outage are "refused": WeChat told the customer). Prints
 * the counts; `npm run faults` runs a longer version and prints the same table.
 */
import { FAULT_NAMES } from './faultKinds';
import { faultQuestions } from './faultQuestions';
import { startFaultWorld, type FaultWorld } from './faultWorld';
import { faultTable, learnAnswers, runFault, type FaultRun, type Load } from './runFault';

/**
 * Bounded for CI: about a minute and a half of faults after the start. Redis stays down 20 s, as
 * in the issue. The fault strikes early (50 ms) and as soon as one request is in flight, and each
 * customer sends 16 messages, so on a quiet machine, where a turn takes a few milliseconds, the
 * fault still lands mid-stream rather than after the last answer.
 */
const CI_LOAD: Load = { conversations: 4, messages: 16, thinkMs: 5, afterMs: 50, busy: 1, outageMs: 20_000 };

jest.setTimeout(180_000);

let world: FaultWorld;
let expected: Map<string, string>;
const runs: FaultRun[] = [];

beforeAll(async () => {
  world = await startFaultWorld();
  expected = await learnAnswers(world, faultQuestions(24));
}, 240_000);

afterAll(async () => {
  if (runs.length > 0) console.log(`fault suite:\n${faultTable(runs)}`);
  await world?.close();
});

describe.each(FAULT_NAMES)('fault %s', (fault) => {
  it('shows every customer on every channel each answer exactly once', async () => {
    const run = await runFault(world, fault, CI_LOAD, expected);
    runs.push(run);
    for (const r of run.results) {
      expect({ channel: r.channel, lost: r.lost, doubled: r.doubled, other: r.other, transcriptDoubled: r.transcriptDoubled }).toEqual({
        channel: r.channel,
        lost: 0,
        doubled: 0,
        other: 0,
        transcriptDoubled: 0,
      });
      expect(r.answeredOnce + r.refused + r.redelivered).toBe(r.sent);
      if (r.channel !== 'wechat') expect(r.refused).toBe(0);
    }
    // The fault really struck: the killed process had requests cut; the outage refused requests.
    // (A Redis restart of ~150 ms is absorbed: ioredis resends a command once after reconnecting.)
    if (fault === 'kill') expect(run.results.reduce((n, r) => n + r.cut, 0)).toBeGreaterThan(0);
    if (fault === 'redisStop') expect(run.results.reduce((n, r) => n + r.fiveXx, 0)).toBeGreaterThan(0);
  });
});
