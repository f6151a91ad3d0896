/** Assignments in real Redis: exactly one winner, owner-only closing, racing a customer's cancel. */
import type { Redis } from 'ioredis';
import { Assignments } from '../../src/handover/assignments';
import { HandoverKeys } from '../../src/handover/handoverKeys';
import { HandoverQueue } from '../../src/handover/handoverQueue';
import { newTestRedis, uniquePrefix } from '../support/testRedis';

let redis: Redis[];
let keys: HandoverKeys;

beforeEach(() => {
  // Several connections, as several bot processes would have.
  redis = [newTestRedis(), newTestRedis(), newTestRedis()];
  keys = new HandoverKeys(uniquePrefix('assign'));
});
afterEach(() => Promise.all(redis.map((r) => r.quit())));

async function enqueue(member: string): Promise<void> {
  const queue = new HandoverQueue(redis[0], keys, { waitSeconds: 300, recordTtlSeconds: 3600 });
  await queue.join({ member, reference: {}, channel: 'webchat', script: 'en', variant: 'tw', reason: 'requested', urgent: false, lastIntent: '', customerName: '' }, 1000);
}

describe('Assignments (real Redis)', () => {
  it('lets exactly one of several agents on several connections take the same customer', async () => {
    await enqueue('c1');
    const agents = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'];
    const results = await Promise.all(agents.map((a, i) => new Assignments(redis[i % redis.length], keys).take('c1', a, 2000)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = agents[results.indexOf(true)];
    const record = await new HandoverQueue(redis[0], keys, { waitSeconds: 300, recordTtlSeconds: 3600 }).record('c1');
    expect(record).toMatchObject({ state: 'assigned', agent: winner });
    expect(await new Assignments(redis[0], keys).assignedTo(winner)).toEqual(['c1']);
    expect(await redis[0].zcard(keys.queue)).toBe(0);
  });

  it('does not let an agent take a customer who left the queue', async () => {
    await enqueue('c2');
    const queue = new HandoverQueue(redis[1], keys, { waitSeconds: 300, recordTtlSeconds: 3600 });
    const [left, took] = await Promise.all([queue.leave('c2', 'bot', 0), new Assignments(redis[0], keys).take('c2', 'alice', 2000)]);
    expect(left !== took).toBe(true); // exactly one of them happened
  });

  it('lets only the owning agent close, and only once', async () => {
    await enqueue('c3');
    const desk = new Assignments(redis[0], keys);
    await desk.take('c3', 'alice', 2000);
    expect(await desk.finish('c3', 'bob', 'rating', 0)).toBe(false);
    expect(await desk.finish('c3', 'alice', 'rating', 5000)).toBe(true);
    expect(await desk.finish('c3', 'alice', 'rating', 5000)).toBe(false);
    expect(await desk.assignedTo('alice')).toEqual([]);
  });
});
