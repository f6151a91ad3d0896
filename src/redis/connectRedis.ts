import type { Config } from '../config';
import { createRedisClient, redisOptions } from './createRedisClient';
import type { RedisClient } from './redisClient';
import { describeTopology, redactUrl, type TopologyKind } from './redisTopology';
import type { Logger } from '../logger';
import { startMemoryRedis } from './memory/memoryRedisServer';

export type StoreMode = 'redis' | 'memory';

export interface StateConnection {
  redis: RedisClient;
  mode: StoreMode;
  /** `standalone` and `memory` are one server; `cluster` shards; `sentinel` follows failovers. */
  topology: TopologyKind;
  /**
   * A second connection for subscribers (a subscribed client can issue no other command). On a
   * cluster it subscribes with SSUBSCRIBE to the node that owns each channel's slot.
   */
  duplicate(): RedisClient;
  close(): Promise<void>;
}

/**
 * How long the start waits for the configured Redis. ioredis keeps retrying an unreachable
 * Sentinel list for ever (right for a running bot, which must ride out a failover), so without a
 * deadline a wrong REDIS_SENTINELS would hang the start with no line in the log.
 */
const START_TIMEOUT_MS = 10_000;

async function tryConnect(client: RedisClient): Promise<RedisClient> {
  client.on('error', () => undefined); // reported through readiness and failed turns instead
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
  });
  try {
    await Promise.race([client.connect().then(() => client.ping()), deadline]);
    return client;
  } catch (err) {
    client.disconnect();
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

function connection(redis: RedisClient, mode: StoreMode, topology: TopologyKind, create: (subscriber: boolean) => RedisClient): StateConnection {
  const extra: RedisClient[] = [];
  return {
    redis,
    mode,
    topology,
    duplicate() {
      const copy = create(true);
      copy.on('error', () => undefined);
      extra.push(copy);
      return copy;
    },
    async close() {
      await Promise.all([redis, ...extra].map((r) => r.quit().catch(() => r.disconnect())));
    },
  };
}

/** `REDIS_URL=memory://` asks for the in-process store explicitly (a demo, a test, a laptop). */
export const MEMORY_URL = 'memory://';

export function isMemoryUrl(url: string): boolean {
  return url.toLowerCase().startsWith('memory:');
}

/**
 * The in-process store: our own Redis server (src/redis/memory/) on a loopback port, reached with
 * the very same ioredis client and options as a real Redis, so every subsystem and every Lua
 * script runs unchanged. Loud on purpose: nothing survives a restart and no other process can
 * share it.
 */
async function connectMemory(logger: Logger, why: string): Promise<StateConnection> {
  logger.warn(
    `${why}: running on IN-PROCESS MEMORY. Conversations, queues, agent accounts and sessions WILL BE LOST on restart and cannot be shared with other bot processes. Set REDIS_URL to a Redis for production.`,
  );
  const server = await startMemoryRedis();
  const create = (subscriber: boolean) => createRedisClient({ kind: 'standalone', url: server.url, explicit: true }, subscriber);
  const redis = await tryConnect(create(false));
  const inner = connection(redis, 'memory', 'memory', create);
  return {
    ...inner,
    async close() {
      await inner.close();
      await server.close();
    },
  };
}

/**
 * Redis choice at start (issue 2): an explicit REDIS_URL, cluster or Sentinel must answer or the
 * process stops — a bank must never silently lose state. `REDIS_URL=memory://` runs on the
 * in-process store. With no Redis configured we try the local default and, if nothing answers,
 * run on the in-process store so that a first `npm start` works.
 */
export async function connectRedis(config: Config, logger: Logger): Promise<StateConnection> {
  const topology = config.redis;
  if (topology.kind === 'memory') return connectMemory(logger, 'REDIS_URL=memory://');
  const create = (subscriber: boolean) => createRedisClient(topology, subscriber);
  try {
    const redis = await tryConnect(create(false));
    logger.info({ redis: describeTopology(topology), topology: topology.kind }, 'state store: Redis');
    return connection(redis, 'redis', topology.kind, create);
  } catch (err) {
    if (topology.kind !== 'standalone' || topology.explicit) {
      const what = topology.kind === 'standalone' ? `REDIS_URL ${redactUrl(topology.url)}` : `Redis ${describeTopology(topology)}`;
      throw new Error(`${what} does not answer (${(err as Error).message}); refusing to start without the configured state store`);
    }
    return connectMemory(logger, `NO REDIS at ${redactUrl(topology.url)}`);
  }
}

export { redactUrl, redisOptions };
