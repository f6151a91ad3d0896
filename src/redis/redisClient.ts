import type { Cluster, Redis } from 'ioredis';

/**
 * What every store is given: one server, a Sentinel-managed primary (both `Redis`) or a Redis
 * Cluster. Code written against this type may only use what both clients offer, and every
 * multi-key command, script or MULTI must stay in one hash slot (docs/redis.md).
 */
export type RedisClient = Redis | Cluster;
