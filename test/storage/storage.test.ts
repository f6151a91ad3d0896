import { MemoryStorage } from 'botbuilder';
import { RedisStorage, stateRedisKey } from '../../src/storage/redisStorage';
import { newTestRedis, uniquePrefix } from '../support/testRedis';
import { storageContract } from './storageContract';

storageContract('MemoryStorage (botbuilder)', async () => ({ storage: new MemoryStorage() }));

storageContract('RedisStorage (real Redis)', async () => {
  const redis = newTestRedis();
  const prefix = uniquePrefix('storage');
  return {
    storage: new RedisStorage(redis, { prefix, ttlSeconds: 3600 }),
    ttlOf: async (key) => redis.ttl(stateRedisKey(prefix, key)),
    close: async () => {
      await redis.quit();
    },
  };
});

describe('RedisStorage specifics', () => {
  it('expires state after the configured inactivity and refreshes the TTL on read', async () => {
    const redis = newTestRedis();
    const prefix = uniquePrefix('ttl');
    const storage = new RedisStorage(redis, { prefix, ttlSeconds: 120 });
    await storage.write({ k: { v: 1 } });
    await redis.expire(stateRedisKey(prefix, 'k'), 5);
    await storage.read(['k']);
    expect(await redis.ttl(stateRedisKey(prefix, 'k'))).toBeGreaterThan(100);
    await redis.quit();
  });

  it('fails with a store-unavailable error (not a crash) when Redis is gone', async () => {
    const redis = newTestRedis();
    const storage = new RedisStorage(redis, { prefix: uniquePrefix('down'), ttlSeconds: 60 });
    redis.disconnect();
    await expect(storage.read(['x'])).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await expect(storage.write({ x: { v: 1 } })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });
});
