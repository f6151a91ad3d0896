import type { TurnContext } from 'botbuilder';
import type { RedisClient } from '../redis/redisClient';
import { LuaScript } from '../redis/luaScript';
import { conversationKeys } from './conversationKeys';

const CONFIRMS = Symbol('confirmsDelivery');

/**
 * Marks a turn whose channel confirms each reply it takes (the Bot Framework connector answers
 * every reply POST). Only there does "delivered" mean the customer has it, so only there does a
 * retry skip replies already delivered. WeChat's passive reply travels in the HTTP response, which
 * the bot cannot know arrived (a retry must carry it again), and the Direct Line log's append is
 * idempotent by itself.
 */
export function confirmDelivery(ctx: TurnContext): void {
  ctx.turnState.set(CONFIRMS, true);
}

export function confirmsDelivery(ctx: TurnContext): boolean {
  return ctx.turnState.get(CONFIRMS) === true;
}

/** KEYS: the conversation's receipts (hash). ARGV: turn id, replies delivered, ttl s. Never lowers a count. */
const RECORD = new LuaScript(`
local seen = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if tonumber(ARGV[2]) > seen then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1
`);

/**
 * How many of a journaled turn's replies the channel has confirmed, per conversation (a hash under
 * the conversation's hash tag: turn id -> count). Written after delivery, outside the state's
 * compare-and-set: the count can only lag (a process killed between the connector's answer and
 * this write re-delivers on the retry: at least once), never run ahead of what was delivered.
 */
export class DeliveryReceipts {
  constructor(
    private readonly redis: RedisClient,
    private readonly options: { prefix: string; ttlSeconds: number },
  ) {}

  async delivered(conversation: string, turnId: string): Promise<number> {
    const count = Number(await this.redis.hget(this.key(conversation), turnId));
    return Number.isInteger(count) && count > 0 ? count : 0;
  }

  record(conversation: string, turnId: string, count: number): Promise<unknown> {
    return RECORD.run(this.redis, [this.key(conversation)], [turnId, count, this.options.ttlSeconds]);
  }

  private key(conversation: string): string {
    return conversationKeys(this.options.prefix, conversation).deliveryReceipts;
  }
}
