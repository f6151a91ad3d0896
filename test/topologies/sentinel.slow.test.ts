/**
 * The end-to-end flows on Sentinel (primary + replica + 3 Sentinels, REDIS_SENTINELS), two bot
 * processes with REDIS_MIN_REPLICAS_ACK=1; then a failover (SENTINEL FAILOVER) in the middle of a
 * stream of messages (each conversation writes until five messages after it): every turn the bot acknowledged (200) is in the state on the new primary, at
 * most a few turns answer 503 (the channel retries them), no Redis error reaches a customer, and
 * the bot carries on without a restart.
 */
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { stateRedisKey } from '../../src/storage/redisStorage';
import { messageActivity, postActivity } from '../support/activities';
import { startRedisSentinel, type TestSentinel } from '../support/redisTopologies';
import { REDIS_ERRORS } from './topologyFlows';
import { topologySuite } from './topologySuite';

let sentinel: TestSentinel | undefined;

const world = topologySuite(
  'sentinel',
  async () => {
    sentinel = await startRedisSentinel();
    return { REDIS_SENTINELS: sentinel.sentinels, REDIS_SENTINEL_NAME: sentinel.name };
  },
  async () => sentinel?.stop(),
  { REDIS_MIN_REPLICAS_ACK: '1', REDIS_REPLICA_ACK_TIMEOUT_MS: '1000' },
);

/** The turn journal's id of a channel message (src/runtime/turnJournal.ts, TurnJournal.idOf). */
const journalId = (id: string) => createHash('sha256').update(`message|${id}`).digest('base64url').slice(0, 22);

interface Sent {
  conv: string;
  id: string;
  statuses: number[];
}

/** Posts one message as a channel does: a 503 (or a refused connection) is retried after a pause. */
async function deliver(url: string, activity: ReturnType<typeof messageActivity>, sent: Sent): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const status = await postActivity(url, activity).then(
      (r) => r.status,
      () => 0,
    );
    sent.statuses.push(status);
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('sentinel: a failover during a stream of messages', () => {
  it('loses no acknowledged turn, sends no Redis error to a customer and recovers by itself', async () => {
    const { servers, connector, env } = world;
    const conversations = ['fo-a', 'fo-b', 'fo-c', 'fo-d'];
    const sent: Sent[] = [];
    const oldPrimary = await sentinel!.currentPrimaryPort();
    // Each conversation keeps writing until the failover is over and five messages more, so the
    // failover always falls inside the stream (at most 60 messages: the journal remembers 64).
    let failedOverAt: number | undefined;
    const stream = async (conv: string, n: number) => {
      let after = 0;
      for (let i = 0; i < 60 && after < 5; i++) {
        const activity = messageActivity(connector.url, conv, i % 2 ? '你好' : '网银证书过期了');
        const record: Sent = { conv, id: activity.id, statuses: [] };
        sent.push(record);
        await deliver(servers[(i + n) % 2].url, activity, record);
        if (failedOverAt !== undefined) after += 1;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const streams = Promise.all(conversations.map((conv, n) => stream(conv, n)));
    await new Promise((r) => setTimeout(r, 400));
    const sentBefore = sent.length;
    const newPrimary = await sentinel!.failover();
    failedOverAt = sent.length;
    await streams;
    expect(sentBefore).toBeGreaterThan(0);
    expect(newPrimary).not.toBe(oldPrimary);

    // Every message was acknowledged in the end (the channel's retries), and only with 200 or 503.
    expect(sent.filter((s) => s.statuses.at(-1) !== 200)).toEqual([]);
    const codes = new Set(sent.flatMap((s) => s.statuses));
    for (const code of codes) expect([0, 200, 503]).toContain(code);
    // The failover costs a few 503s per message caught in it (while Sentinel promotes the replica
    // and the old primary resyncs as the new replica, WAIT cannot be satisfied), never more than
    // five seconds of the channel's retries.
    const retried = sent.filter((s) => s.statuses.length > 1);
    process.stderr.write(`failover: ${retried.length} of ${sent.length} messages retried (failover done after ${failedOverAt}): ${JSON.stringify(retried.map((s) => s.statuses.join(',')))}\n`);
    for (const s of sent) expect(s.statuses.length).toBeLessThanOrEqual(20);

    // Every acknowledged turn is in the conversation's journal on the new primary.
    const redis = new Redis(`redis://127.0.0.1:${newPrimary}`);
    try {
      for (const conv of conversations) {
        const raw = await redis.hget(stateRedisKey(env.REDIS_KEY_PREFIX, `msteams/conversations/${conv}/`), 'v');
        const journal = (JSON.parse(raw ?? '{}') as { turnJournal?: Array<{ id: string }> }).turnJournal ?? [];
        const ids = new Set(journal.map((e) => e.id));
        const missing = sent.filter((s) => s.conv === conv && !ids.has(journalId(s.id)));
        expect(missing).toEqual([]);
      }
    } finally {
      redis.disconnect();
    }

    // No Redis error text reached a customer; the bot answers again without a restart.
    const texts = connector.received.filter((r) => conversations.includes(r.conversationId)).map((r) => String(r.activity.text ?? ''));
    expect(texts.filter((t) => REDIS_ERRORS.test(t))).toEqual([]);
    // The last messages of every conversation, sent after the failover, were answered.
    for (const conv of conversations) expect(sent.filter((s) => s.conv === conv).at(-1)?.statuses.at(-1)).toBe(200);
  }, 120_000);
});
