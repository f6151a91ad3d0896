import { Redis, type RedisOptions } from 'ioredis';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { startMemoryRedis } from './memory/memoryRedisServer';

export type StoreMode = 'redis' | 'memory';

export interface StateConnection {
  redis: Redis;
  mode: StoreMode;
  /** A second connection for subscribers (a subscribed ioredis client can issue no other command). */
  duplicate(): Redis;
  close(): Promise<void>;
}

/**
 * Options chosen so that a Redis outage fails turns quickly (503, the channel retries) instead of
 * queueing them in memory: no offline queue, one retry per command, and reconnects forever in the
 * background so the bot recovers by itself.
 * Auto-pipelining sends every command issued in one event-loop turn in one write: under load the
 * lock, state and transcript commands of many concurrent turns share a system call.
 */
export function redisOptions(): RedisOptions {
  return {
    lazyConnect: true,
    enableAutoPipelining: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (times: number) => Math.min(100 * times, 2000),
    // After a failover the old primary, now a replica, answers writes with READONLY: reconnect
    // (DNS or the load balancer then leads to the new primary) and resend the command (2), instead
    // of failing every turn while /readyz says ready.
    reconnectOnError: (err: Error) => (err.message.startsWith('READONLY') ? 2 : false),
  };
}

async function tryConnect(url: string): Promise<Redis> {
  const redis = new Redis(url, redisOptions());
  redis.on('error', () => undefined); // reported through readiness and failed turns instead
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch (err) {
    redis.disconnect();
    throw err;
  }
}

function connection(redis: Redis, mode: StoreMode, url: string): StateConnection {
  const extra: Redis[] = [];
  return {
    redis,
    mode,
    duplicate() {
      const copy = new Redis(url, { ...redisOptions(), lazyConnect: false, enableOfflineQueue: true });
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
  const redis = await tryConnect(server.url);
  const inner = connection(redis, 'memory', server.url);
  return {
    ...inner,
    async close() {
      await inner.close();
      await server.close();
    },
  };
}

/**
 * Redis choice at start (issue 2): an explicit REDIS_URL must answer or the process stops — a
 * bank must never silently lose state. `REDIS_URL=memory://` runs on the in-process store. With
 * REDIS_URL unset we try the local default and, if nothing answers, run on the in-process store
 * so that a first `npm start` works.
 */
export async function connectRedis(config: Config, logger: Logger): Promise<StateConnection> {
  if (isMemoryUrl(config.redisUrl)) return connectMemory(logger, 'REDIS_URL=memory://');
  try {
    const redis = await tryConnect(config.redisUrl);
    logger.info({ redis: redactUrl(config.redisUrl) }, 'state store: Redis');
    return connection(redis, 'redis', config.redisUrl);
  } catch (err) {
    if (config.redisUrlExplicit) {
      throw new Error(`REDIS_URL ${redactUrl(config.redisUrl)} does not answer (${(err as Error).message}); refusing to start without the configured state store`);
    }
    return connectMemory(logger, `NO REDIS at ${redactUrl(config.redisUrl)}`);
  }
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'redis://(unparseable)';
  }
}
