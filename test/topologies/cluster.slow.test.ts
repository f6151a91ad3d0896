/**
 * The end-to-end flows on a 3-master Redis Cluster (REDIS_CLUSTER_NODES), each master with a
 * replica, two bot processes: every script and MULTI stays in one slot (no CROSSSLOT), and Direct
 * Line's per-conversation channel uses sharded pub/sub. Then a master fails over (CLUSTER FAILOVER
 * on its replica) during a stream of messages: the client follows MOVED to the new master and no
 * Redis error reaches a customer.
 */
import calculateSlot from 'cluster-key-slot';
import { stateRedisKey } from '../../src/storage/redisStorage';
import { messageActivity, postActivity } from '../support/activities';
import { startRedisCluster, type TestCluster } from '../support/redisTopologies';
import { REDIS_ERRORS } from './topologyFlows';
import { topologySuite } from './topologySuite';

let cluster: TestCluster | undefined;

const world = topologySuite(
  'cluster',
  async () => {
    cluster = await startRedisCluster(3, 1);
    return { REDIS_CLUSTER_NODES: cluster.nodes };
  },
  async () => cluster?.stop(),
);

describe('cluster: a master fails over during a stream of messages', () => {
  it('answers every message (a retried 503 at most), follows MOVED, and sends no Redis error to a customer', async () => {
    const { servers, connector, env } = world;
    const conversations = ['cfo-a', 'cfo-b', 'cfo-c', 'cfo-d'];
    const attempts: number[][] = [];
    let failedOver = false;
    const stream = async (conv: string, n: number) => {
      let after = 0;
      for (let i = 0; i < 60 && after < 5; i++) {
        const activity = messageActivity(connector.url, conv, i % 2 ? '你好' : '网银证书过期了');
        const statuses: number[] = [];
        attempts.push(statuses);
        for (let attempt = 0; attempt < 20; attempt++) {
          const status = await postActivity(servers[(i + n) % 2].url, activity).then(
            (r) => r.status,
            () => 0,
          );
          statuses.push(status);
          if (status === 200) break;
          await new Promise((r) => setTimeout(r, 250));
        }
        if (failedOver) after += 1;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const streams = Promise.all(conversations.map((conv, n) => stream(conv, n)));
    await new Promise((r) => setTimeout(r, 400));
    // The master that holds the first conversation's state (and lock, transcript…) hands over.
    await cluster!.failoverSlot(calculateSlot(stateRedisKey(env.REDIS_KEY_PREFIX, 'msteams/conversations/cfo-a/')));
    failedOver = true;
    await streams;

    const retried = attempts.filter((s) => s.length > 1);
    process.stderr.write(`cluster failover: ${retried.length} of ${attempts.length} messages retried: ${JSON.stringify(retried.map((s) => s.join(',')))}\n`);
    expect(attempts.filter((s) => s.at(-1) !== 200)).toEqual([]);
    for (const code of new Set(attempts.flat())) expect([0, 200, 503]).toContain(code);
    const texts = connector.received.filter((r) => conversations.includes(r.conversationId)).map((r) => String(r.activity.text ?? ''));
    expect(texts.filter((t) => REDIS_ERRORS.test(t))).toEqual([]);
    expect(servers.flatMap((s) => s.output.filter((line) => /CROSSSLOT/.test(line)))).toEqual([]);
  }, 120_000);
});
