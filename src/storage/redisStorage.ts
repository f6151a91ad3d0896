import type { Storage, StoreItems } from 'botbuilder';
import type { Redis } from 'ioredis';
import { BotError, ErrorCode } from '../errors';
import { LuaScript } from '../redis/luaScript';

export interface RedisStorageOptions {
  /** Prepended to every key, so several bots (or environments) can share one Redis. */
  prefix: string;
  /** Items expire after this many seconds without a read or a write. */
  ttlSeconds: number;
}

/**
 * Compare-and-set in one round trip. Redis runs a script atomically, so no other client can
 * write between the eTag check and the write (a WATCH/MULTI loop would need retries instead).
 * Semantics follow botbuilder's Storage contract (see MemoryStorage.write): a missing item, a
 * missing eTag or `*` overwrites; otherwise the stored eTag must match.
 * Returns 1 when written, 0 on an eTag conflict.
 */
const WRITE_SCRIPT = new LuaScript(`
local current = redis.call('HGET', KEYS[1], 'e')
local expected = ARGV[2]
if current and expected ~= '' and expected ~= '*' and current ~= expected then
  return 0
end
redis.call('HSET', KEYS[1], 'e', ARGV[3], 'v', ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[4])
return 1
`);

type StoredItem = Record<string, unknown> & { eTag?: string };

function toStoreError(method: string, err: unknown): BotError {
  if (err instanceof BotError) return err;
  const reason = err instanceof Error ? err.message : String(err);
  return new BotError(ErrorCode.StoreUnavailable, `RedisStorage.${method}(): Redis did not answer: ${reason}`, { cause: err });
}

/** botbuilder's `Storage` on ioredis: eTag optimistic concurrency, TTL on inactivity, key prefix. */
export class RedisStorage implements Storage {
  private eTagCounter = 0;
  private readonly instance = Math.random().toString(36).slice(2, 8);

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisStorageOptions,
  ) {}

  private redisKey(key: string): string {
    return `${this.options.prefix}state:${key}`;
  }

  /** Unique across processes (instance id) and within one (counter), and cheap to compare. */
  private nextETag(): string {
    this.eTagCounter += 1;
    return `${Date.now().toString(36)}-${this.instance}-${this.eTagCounter}`;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new BotError(ErrorCode.BadRequest, 'RedisStorage.read(): keys must be an array');
    const unique = [...new Set(keys)];
    if (unique.length === 0) return {};
    const pipeline = this.redis.pipeline();
    for (const key of unique) {
      const k = this.redisKey(key);
      pipeline.hmget(k, 'e', 'v');
      // Reading counts as activity: the TTL is measured from the last read or write.
      pipeline.expire(k, this.options.ttlSeconds);
    }
    let results: [Error | null, unknown][] | null;
    try {
      results = await pipeline.exec();
    } catch (err) {
      throw toStoreError('read', err);
    }
    const items: StoreItems = {};
    unique.forEach((key, i) => {
      const [err, value] = results?.[i * 2] ?? [new Error('no reply'), null];
      if (err) throw toStoreError('read', err);
      const [eTag, json] = value as [string | null, string | null];
      if (json === null) return;
      const item = JSON.parse(json) as StoredItem;
      items[key] = { ...item, eTag: eTag ?? undefined };
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes || typeof changes !== 'object') {
      throw new BotError(ErrorCode.BadRequest, 'RedisStorage.write(): changes must be an object');
    }
    for (const [key, change] of Object.entries(changes)) {
      const { eTag: expected, ...value } = (change ?? {}) as StoredItem;
      let written: unknown;
      try {
        written = await WRITE_SCRIPT.run(
          this.redis,
          [this.redisKey(key)],
          [JSON.stringify(value), typeof expected === 'string' ? expected : '', this.nextETag(), this.options.ttlSeconds],
        );
      } catch (err) {
        throw toStoreError('write', err);
      }
      if (written !== 1) {
        throw new BotError(ErrorCode.EtagConflict, `RedisStorage.write(): eTag conflict on key "${key}"`);
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new BotError(ErrorCode.BadRequest, 'RedisStorage.delete(): keys must be an array');
    if (keys.length === 0) return;
    try {
      await this.redis.del(...keys.map((k) => this.redisKey(k)));
    } catch (err) {
      throw toStoreError('delete', err);
    }
  }
}
