import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { RedisClient } from './redisClient';
import type { RedisTopology } from './redisTopology';

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
    // (Sentinel, DNS or the load balancer then leads to the new primary) and resend the command
    // (2), instead of failing every turn while /readyz says ready.
    reconnectOnError: (err: Error) => (err.message.startsWith('READONLY') ? 2 : false),
  };
}

/**
 * A subscriber keeps its subscriptions across reconnects and may queue its SUBSCRIBE until the
 * connection is up: it carries no customer turn, so waiting is better than failing.
 */
function subscriberOptions(): RedisOptions {
  return { ...redisOptions(), lazyConnect: false, enableOfflineQueue: true };
}

function clusterOptions(t: Extract<RedisTopology, { kind: 'cluster' }>, subscriber: boolean): ClusterOptions {
  const node = subscriber ? subscriberOptions() : redisOptions();
  return {
    lazyConnect: !subscriber,
    enableAutoPipelining: true,
    enableOfflineQueue: subscriber,
    maxRedirections: 16,
    // A failed-over or resharded slot answers MOVED/ASK: ioredis follows it and refreshes the slot
    // map, so neither reaches a customer. Writes and reads both go to the slot's master.
    scaleReads: 'master',
    clusterRetryStrategy: (times: number) => Math.min(100 * times, 2000),
    // Per-conversation channels (`dl:new`) are sharded (SSUBSCRIBE): one subscriber per master.
    shardedSubscribers: subscriber,
    redisOptions: {
      ...node,
      ...(t.password ? { password: t.password } : {}),
      ...(t.tls ? { tls: {} } : {}),
    },
  };
}

/** One client for the topology the configuration names; not connected yet unless `subscriber`. */
export function createRedisClient(t: Exclude<RedisTopology, { kind: 'memory' }>, subscriber = false): RedisClient {
  const options = subscriber ? subscriberOptions() : redisOptions();
  if (t.kind === 'standalone') return new Redis(t.url, options);
  if (t.kind === 'cluster') return new Cluster(t.nodes, clusterOptions(t, subscriber));
  return new Redis({
    ...options,
    sentinels: t.sentinels,
    name: t.name,
    ...(t.password ? { password: t.password } : {}),
    ...(t.sentinelPassword ? { sentinelPassword: t.sentinelPassword } : {}),
    ...(t.tls ? { tls: {}, enableTLSForSentinelMode: true } : {}),
    // Sentinel tells every client of a +switch-master at once, so the bot moves to the new primary
    // without waiting for a failed command or a READONLY answer.
    failoverDetector: true,
  });
}
