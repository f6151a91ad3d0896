import { ConversationState, MemoryStorage, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { RedisStorage, stateRedisKey } from '../../src/storage/redisStorage';
import { SnapshotBotState, storageKeysOf } from '../../src/storage/snapshotBotState';
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

  it('stores exactly the saved state, and a state changed after a save is saved again with its change', async () => {
    const redis = newTestRedis();
    const prefix = uniquePrefix('text');
    const storage = new RedisStorage(redis, { prefix, ttlSeconds: 60 });
    const state = new SnapshotBotState(storage, storageKeysOf(new ConversationState(storage)));
    const turn = () =>
      new TurnContext(new TestAdapter(), {
        type: 'message',
        channelId: 'msteams',
        conversation: { id: 'c-text' },
        from: { id: 'u' },
        recipient: { id: 'b' },
      } as Partial<Activity>);
    const stored = async () => JSON.parse((await redis.hget(stateRedisKey(prefix, 'msteams/conversations/c-text/'), 'v')) ?? 'null') as unknown;

    const first = turn();
    await state.createProperty<string[]>('list').set(first, ['a']);
    await state.saveChanges(first);
    expect(await stored()).toEqual({ list: ['a'] });

    // Loaded from the stored text; changed in place after one save, then saved again in the same turn.
    const second = turn();
    const list = (await state.createProperty<string[]>('list').get(second)) ?? [];
    await state.createProperty<number>('n').set(second, 1);
    await state.saveChanges(second);
    list.push('b');
    await state.saveChanges(second);
    expect(await stored()).toEqual({ list: ['a', 'b'], n: 1 });

    // Stored text the bot did not write (other key order) is still read, compared and saved right.
    await redis.hset(stateRedisKey(prefix, 'msteams/conversations/c-text/'), 'v', '{"n":1,  "list":["a","b"]}');
    const third = turn();
    await state.createProperty<number>('n').set(third, 2);
    await state.saveChanges(third);
    expect(await stored()).toEqual({ n: 2, list: ['a', 'b'] });
    await redis.quit();
  });
});
