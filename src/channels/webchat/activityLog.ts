import type { Activity } from 'botbuilder';
import { conversationTag } from '../../redis/keyTags';
import type { RedisClient } from '../../redis/redisClient';
import { z } from 'zod';
import { maskPii } from '../../pii/maskPii';
import { LuaScript } from '../../redis/luaScript';
import { storeCall } from './storeCall';
import { DIRECTLINE_CHANNEL_ID } from './directLineIds';

/**
 * A conversation's activities as Direct Line clients read them
 * (GET /v3/directline/conversations/{id}/activities?watermark=N, Direct Line 3.0 API reference,
 * https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-direct-line-3-0-api-reference).
 * It lives in Redis, so any bot process can answer any poll and a reloaded page finds its history.
 *
 * Two keys per conversation: a counter of every activity ever appended and a list of the newest
 * `max` of them. An activity's index never changes once given, so the watermark is simply "the
 * number of activities you have seen"; trimming old entries just moves the list's base index.
 * Both keys share a hash tag so a Redis Cluster keeps them on one node, and both carry a TTL that
 * every append renews.
 */

/*
 * KEYS: count, log, turns (hash: turn key -> first index). ARGV: max, ttl, turn key ('' for none),
 * activities. A turn key makes the append idempotent: a turn's activities (the customer's message
 * and the bot's replies) are appended once, however often the turn is re-delivered.
 */
const APPEND = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if ARGV[3] ~= '' then
  local seen = redis.call('HGET', KEYS[3], ARGV[3])
  if seen then return tonumber(seen) end
end
local count = #ARGV - 3
local first = redis.call('INCRBY', KEYS[1], count) - count
for i = 4, #ARGV do redis.call('RPUSH', KEYS[2], ARGV[i]) end
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[1]), -1)
if ARGV[3] ~= '' then redis.call('HSET', KEYS[3], ARGV[3], first) end
for i = 1, 3 do redis.call('EXPIRE', KEYS[i], tonumber(ARGV[2])) end
return first
`);

const READ = new LuaScript(`
local total = redis.call('GET', KEYS[1])
if not total then return -1 end
total = tonumber(total)
local base = total - redis.call('LLEN', KEYS[2])
local from = tonumber(ARGV[1]) - base
if from < 0 then from = 0 end
return {total, base + from, redis.call('LRANGE', KEYS[2], from, -1)}
`);

/** A replyToId of "^k" in a stored entry means "the entry k places before this one" (see WebChatAdapter.push). */
export const RELATIVE_REPLY = '^';

const readReply = z.union([z.literal(-1), z.tuple([z.number(), z.number(), z.array(z.string())])]);

export interface ActivityPage {
  activities: Partial<Activity>[];
  /** Pass back as `?watermark=` to get only what came after. */
  watermark: number;
}

export interface ActivityLogOptions {
  prefix: string;
  max: number;
  ttlSeconds: number;
  /** Called after every append (wakes WebSocket streams, see activityNotifier.ts). */
  onAppend?: (conversationId: string) => Promise<void>;
}

export class ActivityLog {
  constructor(
    private readonly redis: RedisClient,
    private readonly options: ActivityLogOptions,
  ) {}

  /** Creates an empty log; false when the conversation already has one (a restart is idempotent). */
  async start(conversationId: string): Promise<boolean> {
    const created = await storeCall('ActivityLog.start()', () =>
      this.redis.set(this.keys(conversationId)[0], '0', 'EX', this.options.ttlSeconds, 'NX'),
    );
    return created === 'OK';
  }

  /** Forgets a conversation's log (a start whose greeting turn failed). */
  async discard(conversationId: string): Promise<void> {
    await storeCall('ActivityLog.discard()', () => this.redis.del(...this.keys(conversationId)));
  }

  async exists(conversationId: string): Promise<boolean> {
    return (await storeCall('ActivityLog.exists()', () => this.redis.exists(this.keys(conversationId)[0]))) === 1;
  }

  /**
   * Appends in order and returns the ids given, or undefined when the conversation has no log
   * (never started, or expired). Ids follow Direct Line's "{conversationId}|{sequence}" form.
   * With `turnKey`, a second append under the same key appends nothing and returns the first
   * append's ids. The customer's text is stored with personal data masked (src/pii).
   */
  async append(conversationId: string, activities: Partial<Activity>[], turnKey = ''): Promise<string[] | undefined> {
    if (activities.length === 0) return [];
    // The customer's own words are masked; the bot's replies are the bank's text (branch phones).
    const stored = activities.map(({ id: _ignored, ...rest }) =>
      JSON.stringify(rest.from?.role === 'user' && typeof rest.text === 'string' ? { ...rest, text: maskPii(rest.text) } : rest),
    );
    const first = Number(
      await storeCall('ActivityLog.append()', () =>
        APPEND.run(this.redis, this.keys(conversationId), [this.options.max, this.options.ttlSeconds, turnKey, ...stored]),
      ),
    );
    if (first < 0) return undefined;
    // A lost notice only delays a stream until its next keep-alive read; the append itself stands.
    await this.options.onAppend?.(conversationId).catch(() => undefined);
    return activities.map((_, i) => activityId(conversationId, first + i));
  }

  /** Activities with index >= watermark still in the log, or undefined when there is no log. */
  async read(conversationId: string, watermark: number): Promise<ActivityPage | undefined> {
    const reply = readReply.parse(
      await storeCall('ActivityLog.read()', () => READ.run(this.redis, this.keys(conversationId).slice(0, 2), [watermark])),
    );
    if (reply === -1) return undefined;
    const [total, start, items] = reply;
    // Entries are JSON that append() above wrote from validated activities.
    const activities = items.map((json, i) => {
      const activity = JSON.parse(json) as Partial<Activity>;
      const back = activity.replyToId?.startsWith(RELATIVE_REPLY) ? Number(activity.replyToId.slice(RELATIVE_REPLY.length)) : 0;
      return { ...activity, ...(back > 0 ? { replyToId: activityId(conversationId, start + i - back) } : {}), id: activityId(conversationId, start + i) };
    });
    return { activities, watermark: total };
  }

  private keys(conversationId: string): [string, string, string] {
    const base = `${conversationTag(this.options.prefix, `${DIRECTLINE_CHANNEL_ID}/${conversationId}`)}:dl`;
    return [`${base}:count`, `${base}:log`, `${base}:turns`];
  }
}

export function activityId(conversationId: string, index: number): string {
  return `${conversationId}|${String(index).padStart(7, '0')}`;
}
