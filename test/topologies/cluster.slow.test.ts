/**
 * The end-to-end flows on a 3-master Redis Cluster (REDIS_CLUSTER_NODES), each master with a
 * replica, two bot processes with REDIS_MIN_REPLICAS_ACK=1 (every turn's writes acknowledged by a
 * replica on every master before its replies go out): every script and MULTI stays in one slot (no CROSSSLOT), and Direct
 * Line's per-conversation channel uses sharded pub/sub. Then a master fails over (CLUSTER FAILOVER
 * on its replica) during a stream of messages: the client follows MOVED to the new master and no
 * Redis error reaches a customer.
 */
import calculateSlot from 'cluster-key-slot';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config';
import { createRedisClient } from '../../src/redis/createRedisClient';
import { ReplicaAck } from '../../src/runtime/replicaAck';
import { stateRedisKey } from '../../src/storage/redisStorage';
import { messageActivity, postActivity } from '../support/activities';
import { startRedisCluster, type TestCluster } from '../support/redisTopologies';
import { call, openConversation, type Grant } from '../webchat/support/directLineClient';
import { DIRECTLINE_SECRET, REDIS_ERRORS } from './topologyFlows';
import { topologySuite } from './topologySuite';

let cluster: TestCluster | undefined;

const world = topologySuite(
  'cluster',
  async () => {
    cluster = await startRedisCluster(3, 1);
    return { REDIS_CLUSTER_NODES: cluster.nodes };
  },
  async () => cluster?.stop(),
  { REDIS_MIN_REPLICAS_ACK: '1', REDIS_REPLICA_ACK_TIMEOUT_MS: '1000' },
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

describe('cluster: per-conversation channels use sharded pub/sub', () => {
  it('subscribes a Direct Line stream with SSUBSCRIBE on the shard that owns its conversation, and nowhere with classic SUBSCRIBE', async () => {
    const { servers, env } = world;
    const g = await openConversation(servers[0].url, DIRECTLINE_SECRET, 'zh-CN');
    const stream = await call<Grant & { streamUrl: string }>(servers[0].url, 'POST', '/v3/directline/conversations', { auth: g.token });
    const ws = new WebSocket(stream.body.streamUrl);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const channel = `${env.REDIS_KEY_PREFIX}{directline/${g.conversationId}}:dl:new`;
    const slot = calculateSlot(channel);
    const probes = cluster!.all.map((node) => ({ port: node.port, redis: new Redis(node.url) }));
    try {
      // The stream subscribes as it opens; give the subscription a moment to reach its shard.
      const sharded: number[] = [];
      for (let i = 0; i < 50 && sharded.length === 0; i++) {
        for (const p of probes) if (((await p.redis.call('PUBSUB', 'SHARDCHANNELS', '*dl:new')) as string[]).includes(channel)) sharded.push(p.port);
        if (sharded.length === 0) await new Promise((r) => setTimeout(r, 100));
      }
      const ranges = (await probes[0].redis.call('CLUSTER', 'SLOTS')) as Array<[number, number, ...Array<[string, number, string]>]>;
      const range = ranges.find(([from, to]) => slot >= from && slot <= to);
      // CLUSTER SLOTS: [from, to, master, ...replicas], each node [host, port, id].
      const owners = range ? (range.slice(2) as Array<[string, number, string]>).map((n) => Number(n[1])) : [];
      expect(sharded.length).toBeGreaterThan(0);
      for (const port of sharded) expect(owners).toContain(port);
      for (const p of probes) expect((await p.redis.call('PUBSUB', 'CHANNELS', '*dl:new')) as string[]).toEqual([]);
    } finally {
      ws.close();
      for (const p of probes) p.redis.disconnect();
    }
  }, 60_000);
});

describe('cluster: replica acknowledgement (REDIS_MIN_REPLICAS_ACK)', () => {
  it('holds a turn until a replica has its writes: WAIT reaches the master over the connection that wrote', async () => {
    const topology = loadConfig({ REDIS_CLUSTER_NODES: cluster!.nodes }).redis;
    if (topology.kind !== 'cluster') throw new Error('expected a cluster topology');
    const client = createRedisClient(topology);
    await client.connect();
    const replicas = [];
    for (const node of cluster!.all) {
      const probe = new Redis(node.url);
      if (/role:slave/.test(await probe.info('replication'))) replicas.push(node);
      await probe.quit();
    }
    try {
      await client.set('{ack-probe}:before', '1');
      await new ReplicaAck(client, 1, 2000).wait();
      // Frozen replicas cannot acknowledge: the write is not safe yet, so the turn must not be answered.
      for (const r of replicas) r.child.kill('SIGSTOP');
      await client.set('{ack-probe}:during', '1');
      await expect(new ReplicaAck(client, 1, 300).wait()).rejects.toThrow(/0 of 1 replicas acknowledged/);
      for (const r of replicas) r.child.kill('SIGCONT');
      await new ReplicaAck(client, 1, 5000).wait();
    } finally {
      for (const r of replicas) r.child.kill('SIGCONT');
      await client.quit();
    }
  }, 60_000);
});
