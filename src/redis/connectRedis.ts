import { Redis, type RedisOptions } from 'ioredis';
import RedisMock from 'ioredis-mock';
import type { Config } from '../config';
import type { Logger } from '../logger';

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
      const copy = mode === 'redis' ? new Redis(url, { ...redisOptions(), lazyConnect: false, enableOfflineQueue: true }) : redis.duplicate();
      copy.on('error', () => undefined);
      extra.push(copy);
      return copy;
    },
    async close() {
      await Promise.all([redis, ...extra].map((r) => r.quit().catch(() => r.disconnect())));
    },
  };
}

/**
 * Redis choice at start (issue 2): an explicit REDIS_URL must answer or the process stops — a
 * bank must never silently lose state. With REDIS_URL unset we try the local default and, if
 * nothing answers, run on an in-process Redis (ioredis-mock) so that a first `npm start` works;
 * every subsystem keeps using the same Redis code path, but nothing survives a restart.
 */
export async function connectRedis(config: Config, logger: Logger): Promise<StateConnection> {
  try {
    const redis = await tryConnect(config.redisUrl);
    logger.info({ redis: redactUrl(config.redisUrl) }, 'state store: Redis');
    return connection(redis, 'redis', config.redisUrl);
  } catch (err) {
    if (config.redisUrlExplicit) {
      throw new Error(`REDIS_URL ${redactUrl(config.redisUrl)} does not answer (${(err as Error).message}); refusing to start without the configured state store`);
    }
    logger.warn(
      `NO REDIS at ${redactUrl(config.redisUrl)}: running on IN-PROCESS MEMORY. Conversations, queues and sessions WILL BE LOST on restart and cannot be shared between processes. Set REDIS_URL for production.`,
    );
    const redis = new RedisMock() as unknown as Redis;
    return connection(redis, 'memory', config.redisUrl);
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
