import type { Storage, StoreItems } from 'botbuilder';
import type { RedisClient } from '../redis/redisClient';
import { BotError, ErrorCode } from '../errors';
import { conversationTag } from '../redis/keyTags';
import { LuaScript } from '../redis/luaScript';
import { noteReadJson, takeSideFields, takeWriteJson, type SideFieldStore, type SideFields } from './storedJson';

/** botbuilder's ConversationState key: `${channelId}/conversations/${conversationId}/`. */
const CONVERSATION_KEY = /^([^/]+)\/conversations\/(.+)\/$/;

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
 * Side fields (see SideFields in storedJson.ts) follow: ARGV[5] how many to set, then field/value
 * pairs, then the fields to remove; they are written only if the value is, in the same script.
 * Returns 1 when written, 0 on an eTag conflict.
 */
const WRITE_SCRIPT = new LuaScript(`
local current = redis.call('HGET', KEYS[1], 'e')
local expected = ARGV[2]
if current and expected ~= '' and expected ~= '*' and current ~= expected then
  return 0
end
redis.call('HSET', KEYS[1], 'e', ARGV[3], 'v', ARGV[1])
local sets = tonumber(ARGV[5] or '0')
for i = 0, sets - 1 do
  redis.call('HSET', KEYS[1], ARGV[6 + 2 * i], ARGV[7 + 2 * i])
end
for i = 6 + 2 * sets, #ARGV do
  redis.call('HDEL', KEYS[1], ARGV[i])
end
redis.call('EXPIRE', KEYS[1], ARGV[4])
return 1
`);

/**
 * Every item's eTag and value, and its TTL restarted (a read counts as activity), in one command.
 * Returns eTag, value pairs in key order; Lua's nil becomes false, which arrives as null.
 */
const READ_SCRIPT = new LuaScript(`
local out = {}
for i, key in ipairs(KEYS) do
  local ev = redis.call('HMGET', key, 'e', 'v')
  if ev[2] then redis.call('EXPIRE', key, ARGV[1]) end
  out[i * 2 - 1] = ev[1]
  out[i * 2] = ev[2]
end
return out
`);

/**
 * botbuilder's conversation-state key (`msteams/conversations/abc/`) goes under the conversation's
 * hash tag (`bankbot:{msteams/abc}:state`), beside its lock, transcript and log; any other key
 * (user state, `msteams/users/u1/`) is its own tag (`bankbot:{state:msteams/users/u1/}`).
 */
export function stateRedisKey(prefix: string, key: string): string {
  const conversation = CONVERSATION_KEY.exec(key);
  if (conversation) return `${conversationTag(prefix, `${conversation[1]}/${conversation[2]}`)}:state`;
  return `${prefix}{state:${key}}`;
}

type StoredItem = Record<string, unknown> & { eTag?: string };

function toStoreError(method: string, err: unknown): BotError {
  if (err instanceof BotError) return err;
  const reason = err instanceof Error ? err.message : String(err);
  return new BotError(ErrorCode.StoreUnavailable, `RedisStorage.${method}(): Redis did not answer: ${reason}`, { cause: err });
}

/** botbuilder's `Storage` on ioredis: eTag optimistic concurrency, TTL on inactivity, key prefix. */
export class RedisStorage implements Storage, SideFieldStore {
  private eTagCounter = 0;
  private readonly instance = Math.random().toString(36).slice(2, 8);

  constructor(
    private readonly redis: RedisClient,
    private readonly options: RedisStorageOptions,
  ) {}

  private redisKey(key: string): string {
    return stateRedisKey(this.options.prefix, key);
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
    let replies: unknown[];
    try {
      // One script per key: the keys of one read may be in different hash slots (a cluster runs a
      // script on one slot only), and auto-pipelining still sends them in one write.
      const each = await Promise.all(unique.map((key) => READ_SCRIPT.run(this.redis, [this.redisKey(key)], [this.options.ttlSeconds])));
      replies = each.flatMap((reply) => (Array.isArray(reply) && reply.length === 2 ? reply : [undefined, undefined, undefined]));
    } catch (err) {
      throw toStoreError('read', err);
    }
    if (replies.length !== unique.length * 2) {
      throw new BotError(ErrorCode.StoreUnavailable, 'RedisStorage.read(): Redis answered in an unexpected shape');
    }
    const items: StoreItems = {};
    unique.forEach((key, i) => {
      const eTag: unknown = replies[i * 2];
      const json: unknown = replies[i * 2 + 1];
      if (typeof json !== 'string') return;
      // Parsed and given its eTag in place (a spread would copy every field once more); the text is
      // noted for SnapshotBotState, which would otherwise serialize the item again to compare.
      const item = JSON.parse(json) as StoredItem;
      if (item === null || typeof item !== 'object' || Array.isArray(item) || 'eTag' in item) {
        items[key] = { ...item, eTag: typeof eTag === 'string' ? eTag : undefined };
        return;
      }
      item.eTag = typeof eTag === 'string' ? eTag : undefined;
      noteReadJson(item, json);
      items[key] = item;
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes || typeof changes !== 'object') {
      throw new BotError(ErrorCode.BadRequest, 'RedisStorage.write(): changes must be an object');
    }
    // Every item's text is taken now, before the first await: what is written is the items as
    // they were when write() was called.
    const writes = Object.entries(changes).map(([key, change]) => {
      const item = (change ?? {}) as StoredItem;
      const noted = takeWriteJson(item);
      const side = sideFieldArgs(takeSideFields(item));
      const expected = item.eTag;
      if (noted !== undefined) return { key, json: noted, expected, side };
      const { eTag: _eTag, ...value } = item;
      return { key, json: JSON.stringify(value), expected, side };
    });
    for (const { key, json, expected, side } of writes) {
      let written: unknown;
      try {
        written = await WRITE_SCRIPT.run(this.redis, [this.redisKey(key)], [json, typeof expected === 'string' ? expected : '', this.nextETag(), this.options.ttlSeconds, ...side]);
      } catch (err) {
        throw toStoreError('write', err);
      }
      if (written !== 1) {
        throw new BotError(ErrorCode.EtagConflict, `RedisStorage.write(): eTag conflict on key "${key}"`);
      }
    }
  }

  async readSideField(key: string, field: string): Promise<string | undefined> {
    try {
      const value = await this.redis.hget(this.redisKey(key), field);
      return value ?? undefined;
    } catch (err) {
      throw toStoreError('readSideField', err);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new BotError(ErrorCode.BadRequest, 'RedisStorage.delete(): keys must be an array');
    if (keys.length === 0) return;
    try {
      await Promise.all(keys.map((k) => this.redisKey(k)).map((k) => this.redis.del(k)));
    } catch (err) {
      throw toStoreError('delete', err);
    }
  }
}

/** WRITE_SCRIPT's trailing arguments for `fields`: the count of fields to set, the pairs, the fields to remove. */
function sideFieldArgs(fields: SideFields | undefined): string[] {
  if (!fields) return [];
  // The value is field 'v' and the eTag 'e': a side field may never replace them.
  const safe = (field: string): boolean => field !== 'e' && field !== 'v';
  const set = Object.entries(fields.set).filter(([field]) => safe(field));
  return [String(set.length), ...set.flat(), ...fields.del.filter(safe)];
}
