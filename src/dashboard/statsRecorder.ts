import type { RedisClient } from '../redis/redisClient';
import type { HandoverStats } from '../handover/handoverStats';
import type { Logger } from '../logger';
import { maskPii } from '../pii/maskPii';
import { LuaScript } from '../redis/luaScript';
import { conversationKey, type TurnObserver } from '../runtime/botRuntime';
import { couldNotPlace } from './couldNotPlace';
import type { MisunderstoodInbox } from './misunderstoodInbox';
import { statsDay } from './statsDay';

/** Figures are kept this long, then expire on their own (bounded retention). */
export const STATS_RETENTION_DAYS = 90;
/** Waits kept per day and channel for the median and 90th percentile. */
const MAX_WAITS = 5000;

/**
 * One turn counted, atomically as a MULTI would: the day's channel, the conversation, the turn and
 * (when given) the fallback, each key's retention restarted. One command instead of a MULTI of
 * eight: every message turn runs it, and ioredis' MULTI cost the bot about 2 % of a turn's CPU.
 * KEYS: channels set, conversations set, counters hash. ARGV: channel, conversation, ttl s,
 * turns field, fallbacks field or ''.
 */
const COUNT_TURN = new LuaScript(`
redis.call('SADD', KEYS[1], ARGV[1])
redis.call('SADD', KEYS[2], ARGV[2])
redis.call('HINCRBY', KEYS[3], ARGV[4], 1)
if ARGV[5] ~= '' then redis.call('HINCRBY', KEYS[3], ARGV[5], 1) end
for i = 1, 3 do redis.call('EXPIRE', KEYS[i], ARGV[3]) end
return 1
`);

/**
 * Collects the supervisor's figures as they happen, in Redis, per bank day and channel: every
 * conversation that wrote that day (a SET), message turns, turns the bot could not place, handovers
 * and their reasons (a HASH of counters), and how long each customer waited for an agent (a LIST).
 * A turn observer (BotRuntime.observe) and the handover's HandoverStats port feed it; it never
 * fails a turn (errors are logged).
 */
export class StatsRecorder implements HandoverStats {
  private readonly ttl = STATS_RETENTION_DAYS * 86_400;

  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly timeZone: string,
    private readonly inbox: MisunderstoodInbox,
    private readonly logger: Logger,
  ) {}

  keys(day: string) {
    // One hash tag per day: a turn's counters go out in one MULTI, which must stay in one slot.
    const base = `${this.prefix}{stats:${day}}`;
    return {
      counters: `${base}:counters`,
      conversations: (channel: string) => `${base}:conversations:${channel}`,
      waits: (channel: string) => `${base}:waits:${channel}`,
      escalated: `${base}:escalated`,
      channels: `${base}:channels`,
    };
  }

  readonly observer: TurnObserver = ({ ctx, info, outcome }) => {
    if (ctx.activity.type !== 'message' || outcome !== 'ok') return;
    const channel = ctx.activity.channelId ?? 'unknown';
    const now = Date.now();
    const unplaced = couldNotPlace(info);
    this.countTurn(channel, conversationKey(ctx), unplaced, now).catch((err: unknown) => this.logger.warn({ err }, 'dashboard: turn not counted'));
    const text = ctx.activity.text?.trim();
    if (unplaced && text) {
      const entry = { text: maskPii(text).slice(0, 300), channel, script: info.script ?? '', intent: info.intent ?? '', score: info.score ?? 0, at: now };
      this.inbox.add(entry).catch((err: unknown) => this.logger.warn({ err }, 'dashboard: misunderstood message not kept'));
    }
  };

  /** One message turn of `conversation` counted for its bank day (and as a fallback when `unplaced`). */
  async countTurn(channel: string, conversation: string, unplaced: boolean, now: number): Promise<void> {
    const k = this.keys(statsDay(now, this.timeZone));
    await COUNT_TURN.run(this.redis, [k.channels, k.conversations(channel), k.counters], [channel, conversation, this.ttl, `${channel}:turns`, unplaced ? `${channel}:fallbacks` : '']);
  }

  /** Counted once per conversation and day, whatever the number of requests. */
  async escalated(member: string, channel: string, reason: string, now: number): Promise<void> {
    const k = this.keys(statsDay(now, this.timeZone));
    const first = await this.redis.sadd(k.escalated, member);
    await this.redis.expire(k.escalated, this.ttl);
    if (first !== 1) return;
    await this.redis
      .multi()
      .hincrby(k.counters, `${channel}:escalations`, 1)
      .hincrby(k.counters, `${channel}:reason:${reason}`, 1)
      .expire(k.counters, this.ttl)
      .exec();
  }

  async waited(channel: string, waitMs: number, now: number): Promise<void> {
    const k = this.keys(statsDay(now, this.timeZone));
    const key = k.waits(channel);
    await this.redis
      .multi()
      .rpush(key, String(Math.max(0, Math.round(waitMs))))
      .ltrim(key, -MAX_WAITS, -1)
      .expire(key, this.ttl)
      .sadd(k.channels, channel)
      .expire(k.channels, this.ttl)
      .exec();
  }
}
