/**
 * Real Redis topologies for the topology suites (test/topologies/): a 3-master Redis Cluster and a
 * primary + replica + 3 Sentinels, each node a `redis-server` / `redis-sentinel` of Debian's
 * packages on free ports, in a tmp dir, recorded for the global teardown (childProcesses.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { trackChild } from './childProcesses';
import { freePort, redisAnswers } from './redisProcess';

const HOST = '127.0.0.1';

export interface RedisNode {
  port: number;
  url: string;
  child: ChildProcess;
  kill(): Promise<void>;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startNode(command: string, args: string[], port: number): Promise<RedisNode> {
  const child = trackChild(spawn(command, args, { stdio: 'ignore' }));
  const url = `redis://${HOST}:${port}`;
  await until(`${command} on ${port}`, () => redisAnswers(url, 500));
  return {
    port,
    url,
    child,
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

async function ask<T>(url: string, fn: (r: Redis) => Promise<T>): Promise<T> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false });
  r.on('error', () => undefined);
  try {
    await r.connect();
    return await fn(r);
  } finally {
    r.disconnect();
  }
}

export interface TestCluster {
  /** `host:port,…` for REDIS_CLUSTER_NODES. */
  nodes: string;
  all: RedisNode[];
  /**
   * `CLUSTER FAILOVER` on the replica of the master that owns `slot`: the replica becomes master
   * and clients still sending to the old one get MOVED. Resolves with the new master's port.
   */
  failoverSlot(slot: number): Promise<number>;
  stop(): Promise<void>;
}

/** The master port serving `slot`, from CLUSTER SLOTS as `url` sees it. */
async function masterOf(url: string, slot: number): Promise<number> {
  const ranges = (await ask(url, (r) => r.call('CLUSTER', 'SLOTS'))) as Array<[number, number, [string, number, string]]>;
  const range = ranges.find(([from, to]) => slot >= from && slot <= to);
  if (!range) throw new Error(`no node serves slot ${slot}`);
  return Number(range[2][1]);
}

/** A Redis Cluster of `masters` masters, each with `replicas` replicas (`redis-cli --cluster create`). */
export async function startRedisCluster(masters = 3, replicas = 0): Promise<TestCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'redis-cluster-'));
  const ports = await Promise.all(Array.from({ length: masters * (1 + replicas) }, () => freePort()));
  const nodes = await Promise.all(
    ports.map((port) =>
      startNode(
        'redis-server',
        ['--port', String(port), '--bind', HOST, '--cluster-enabled', 'yes', '--cluster-config-file', join(dir, `nodes-${port}.conf`), '--cluster-node-timeout', '2000', '--dir', dir, '--save', '', '--appendonly', 'no'],
        port,
      ),
    ),
  );
  const create = spawnSync('redis-cli', ['--cluster', 'create', ...ports.map((p) => `${HOST}:${p}`), '--cluster-replicas', String(replicas), '--cluster-yes'], { encoding: 'utf8', timeout: 30_000 });
  if (create.status !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stdout}${create.stderr}`);
  for (const node of nodes) await until(`cluster_state:ok on ${node.port}`, () => ask(node.url, async (r) => /cluster_state:ok/.test(String(await r.call('CLUSTER', 'INFO')))));
  // Replicas must have synchronised before a failover can be asked of them.
  for (const node of nodes) await until(`${node.port} in sync`, () => ask(node.url, async (r) => !/role:slave/.test(await r.info('replication')) || /master_link_status:up/.test(await r.info('replication'))));
  return {
    nodes: ports.slice(0, masters).map((p) => `${HOST}:${p}`).join(','),
    all: nodes,
    async failoverSlot(slot) {
      const oldMaster = await masterOf(nodes[0].url, slot);
      const oldId = String(await ask(`redis://${HOST}:${oldMaster}`, (r) => r.call('CLUSTER', 'MYID')));
      let replica: RedisNode | undefined;
      for (const node of nodes) {
        const info = await ask(node.url, (r) => r.info('replication'));
        const myMaster = String(await ask(node.url, (r) => r.call('CLUSTER', 'NODES')))
          .split('\n')
          .find((line) => line.includes('myself'));
        if (/role:slave/.test(info) && myMaster?.split(' ')[3] === oldId) replica = node;
      }
      if (!replica) throw new Error(`master ${oldMaster} has no replica`);
      await ask(replica.url, (r) => r.call('CLUSTER', 'FAILOVER'));
      const promoted = replica;
      await until('the replica to take over the slot', async () => (await masterOf(nodes[0].url, slot)) === promoted.port);
      return promoted.port;
    },
    async stop() {
      await Promise.all(nodes.map((n) => n.kill()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestSentinel {
  /** `host:port,…` for REDIS_SENTINELS. */
  sentinels: string;
  name: string;
  primary: RedisNode;
  replica: RedisNode;
  sentinelNodes: RedisNode[];
  /** The data node Sentinel names as primary now. */
  currentPrimaryPort(): Promise<number>;
  /** `SENTINEL FAILOVER`: promotes the replica; resolves once the Sentinels name the new primary. */
  failover(): Promise<number>;
  stop(): Promise<void>;
}

/** A primary, one replica and three Sentinels (quorum 2) watching them as `name`. */
export async function startRedisSentinel(name = 'mymaster'): Promise<TestSentinel> {
  const dir = mkdtempSync(join(tmpdir(), 'redis-sentinel-'));
  const [primaryPort, replicaPort, ...sentinelPorts] = await Promise.all(Array.from({ length: 5 }, () => freePort()));
  const data = ['--bind', HOST, '--save', '', '--appendonly', 'no', '--dir', dir];
  const primary = await startNode('redis-server', ['--port', String(primaryPort), ...data], primaryPort);
  const replica = await startNode('redis-server', ['--port', String(replicaPort), ...data, '--replicaof', HOST, String(primaryPort)], replicaPort);
  await until('replica in sync', () => ask(replica.url, async (r) => /master_link_status:up/.test(await r.info('replication'))));
  const sentinelNodes = await Promise.all(
    sentinelPorts.map((port) => {
      // Sentinel rewrites its configuration file, so each one gets its own.
      const file = join(dir, `sentinel-${port}.conf`);
      writeFileSync(
        file,
        [
          `port ${port}`,
          `bind ${HOST}`,
          `dir ${dir}`,
          `sentinel monitor ${name} ${HOST} ${primaryPort} 2`,
          `sentinel down-after-milliseconds ${name} 1000`,
          `sentinel failover-timeout ${name} 5000`,
          `sentinel parallel-syncs ${name} 1`,
          '',
        ].join('\n'),
      );
      return startNode('redis-sentinel', [file], port);
    }),
  );
  const sentinelUrl = sentinelNodes[0].url;
  const currentPrimaryPort = () => ask(sentinelUrl, async (r) => Number(((await r.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', name)) as string[])[1]));
  // Ready when every Sentinel knows the replica and the two other Sentinels (a failover needs both).
  for (const s of sentinelNodes) {
    await until(`sentinel ${s.port} sees the replica and its peers`, () =>
      ask(s.url, async (r) => {
        const replicas = (await r.call('SENTINEL', 'REPLICAS', name)) as unknown[];
        const peers = (await r.call('SENTINEL', 'SENTINELS', name)) as unknown[];
        return replicas.length === 1 && peers.length === 2;
      }),
    );
  }
  return {
    sentinels: sentinelPorts.map((p) => `${HOST}:${p}`).join(','),
    name,
    primary,
    replica,
    sentinelNodes,
    currentPrimaryPort,
    async failover() {
      const before = await currentPrimaryPort();
      await ask(sentinelUrl, (r) => r.call('SENTINEL', 'FAILOVER', name));
      await until('the Sentinels to name a new primary', async () => (await currentPrimaryPort()) !== before);
      const after = await currentPrimaryPort();
      await until('the new primary to accept writes', () => ask(`redis://${HOST}:${after}`, async (r) => /role:master/.test(await r.info('replication'))));
      return after;
    },
    async stop() {
      await Promise.all([...sentinelNodes, primary, replica].map((n) => n.kill()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
