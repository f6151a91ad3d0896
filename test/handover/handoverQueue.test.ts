/** The queue in real Redis: ordering, fraud priority, positions, leaving, the wait timeout. */
import type { Redis } from 'ioredis';
import { HandoverKeys } from '../../src/handover/handoverKeys';
import { HandoverQueue, type JoinInput } from '../../src/handover/handoverQueue';
import { newTestRedis, uniquePrefix } from '../support/testRedis';

let redis: Redis;
let queue: HandoverQueue;
const WAIT_SECONDS = 300;

beforeEach(() => {
  redis = newTestRedis();
  queue = new HandoverQueue(redis, new HandoverKeys(uniquePrefix('queue')), { waitSeconds: WAIT_SECONDS, recordTtlSeconds: 3600 });
});
afterEach(() => redis.quit());

const customer = (member: string, urgent = false): JoinInput => ({
  member,
  reference: { channelId: 'msteams', conversation: { id: member, isGroup: false, conversationType: '', name: '' } },
  channel: 'msteams',
  script: 'zh-Hans',
  variant: 'tw',
  reason: urgent ? 'fraud' : 'requested',
  urgent,
  lastIntent: urgent ? 'fraud_report' : 'human_agent',
  customerName: '',
});

describe('HandoverQueue (real Redis)', () => {
  it('serves customers in the order they came and tells each their position', async () => {
    expect(await queue.join(customer('a'), 1000)).toEqual({ status: 'new', position: 1 });
    expect(await queue.join(customer('b'), 2000)).toEqual({ status: 'new', position: 2 });
    expect(await queue.join(customer('c'), 3000)).toEqual({ status: 'new', position: 3 });
    expect((await queue.waiting()).map((w) => [w.member, w.position])).toEqual([['a', 1], ['b', 2], ['c', 3]]);
  });

  it('puts fraud reports ahead of everyone who is not urgent, urgent ones among themselves by time', async () => {
    await queue.join(customer('early'), 1000);
    await queue.join(customer('fraud-1', true), 5000);
    await queue.join(customer('fraud-2', true), 6000);
    expect((await queue.waiting()).map((w) => w.member)).toEqual(['fraud-1', 'fraud-2', 'early']);
  });

  it('keeps the place of a customer who asks again, but moves them forward when it becomes urgent', async () => {
    await queue.join(customer('a'), 1000);
    await queue.join(customer('b'), 2000);
    expect(await queue.join(customer('b'), 9000)).toEqual({ status: 'queued', position: 2 });
    expect(await queue.join(customer('b', true), 9500)).toEqual({ status: 'queued', position: 1 });
    expect(await queue.record('b')).toMatchObject({ urgent: true, reason: 'fraud', enqueuedAt: 2000 });
  });

  it('lets a customer leave, and the ones behind move up', async () => {
    await queue.join(customer('a'), 1000);
    await queue.join(customer('b'), 2000);
    expect(await queue.leave('a', 'bot', 0)).toBe(true);
    expect(await queue.leave('a', 'bot', 0)).toBe(false);
    expect(await queue.position('b')).toBe(1);
    expect((await queue.record('a'))?.state).toBe('bot');
  });

  it('tells a customer their new position only when it changed meaningfully', async () => {
    for (let i = 0; i < 8; i++) await queue.join(customer(`m${i}`), 1000 + i);
    await queue.leave('m0', 'bot', 0);
    // m1..m3 are now in the top 3: worth telling; m4..m7 moved by one place only.
    expect(await queue.positionsToTell()).toEqual([
      { member: 'm1', position: 1 },
      { member: 'm2', position: 2 },
      { member: 'm3', position: 3 },
    ]);
    await queue.leave('m1', 'bot', 0);
    await queue.leave('m2', 'bot', 0);
    // m7 went from 8 to 5: three places; m4 reached the top 3 (position 2).
    expect((await queue.positionsToTell()).map((t) => t.member)).toEqual(['m3', 'm4', 'm5', 'm6', 'm7']);
    expect(await queue.positionsToTell()).toEqual([]); // told once, not again
  });

  it('hands customers past the wait timeout to exactly one claimer, offering a ticket', async () => {
    await queue.join(customer('old'), 1000);
    await queue.join(customer('new'), 200_000);
    const due = 1000 + WAIT_SECONDS * 1000 + 1;
    const [first, second] = await Promise.all([queue.claimExpired(due, due + 3600_000), queue.claimExpired(due, due + 3600_000)]);
    expect([...first, ...second]).toEqual(['old']);
    expect((await queue.record('old'))?.state).toBe('ticket');
    expect((await queue.waiting()).map((w) => w.member)).toEqual(['new']);
  });
});
