/**
 * Every store and script path of the bot on a real 3-master Redis Cluster, through the client the
 * app itself builds for REDIS_CLUSTER_NODES. Redis Cluster refuses a command, script or MULTI whose
 * keys span slots (CROSSSLOT), so this fails on any unit the key layout leaves cross-slot —
 * including a script that builds a key inside Lua, which the slot audit (keySlots.test.ts) cannot
 * see. The end-to-end flows on the cluster are in cluster.slow.test.ts.
 */
import { loadConfig } from '../../src/config';
import { createRedisClient } from '../../src/redis/createRedisClient';
import type { RedisClient } from '../../src/redis/redisClient';
import { LuaScript } from '../../src/redis/luaScript';
import { exerciseEveryStore } from '../support/exerciseEveryStore';
import { startRedisCluster, type TestCluster } from '../support/redisTopologies';
import { SlotAudit } from '../support/slotAudit';

let cluster: TestCluster | undefined;
let client: RedisClient | undefined;
const audit = new SlotAudit();

beforeAll(async () => {
  cluster = await startRedisCluster(3);
  const { redis } = loadConfig({ REDIS_CLUSTER_NODES: cluster.nodes });
  if (redis.kind !== 'cluster') throw new Error(`expected a cluster topology, got ${redis.kind}`);
  // Connects lazily and queues nothing while it connects: connect first, as the app does.
  client = createRedisClient(redis);
  await client.connect();
}, 60_000);

afterAll(async () => {
  audit.uninstall();
  await client?.quit();
  await cluster?.stop();
});

it('runs every store and script on a real cluster without CROSSSLOT', async () => {
  if (!client) throw new Error('no cluster client');
  audit.install();
  await expect(exerciseEveryStore(client)).resolves.toBeUndefined();
  // Each script the stores call reached a master: at least the handover, lock, storage and log scripts.
  const reached = LuaScript.registered().filter((s) => audit.scriptShas.has(s.sha));
  expect(reached.length).toBeGreaterThan(LuaScript.registered().length / 2);
}, 60_000);
