import type { RedisClient } from '../redis/redisClient';
import type { HandoverKeys } from './handoverKeys';
import type { HandoverSignals } from './handoverSignals';

export interface AgentRating {
  agent: string;
  count: number;
  average: number;
}

/** Customers' 1–5 ratings, summed per agent in one HASH (`agent:count`, `agent:sum`) plus a log. */
export class RatingStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: HandoverKeys,
    private readonly signals?: HandoverSignals,
  ) {}

  async add(agent: string, score: number, handle: string, now: number): Promise<void> {
    await this.redis
      .multi()
      .hincrby(this.keys.ratings, `${agent}:count`, 1)
      .hincrby(this.keys.ratings, `${agent}:sum`, score)
      .lpush(this.keys.ratingLog, JSON.stringify({ agent, score, handle, at: now }))
      .ltrim(this.keys.ratingLog, 0, 9999)
      .exec();
    this.signals?.emit({ type: 'rated', score });
  }

  async perAgent(): Promise<AgentRating[]> {
    const hash = await this.redis.hgetall(this.keys.ratings);
    const agents = new Set(Object.keys(hash).map((k) => k.slice(0, k.lastIndexOf(':'))));
    return [...agents].sort().map((agent) => {
      const count = Number(hash[`${agent}:count`] ?? 0);
      const sum = Number(hash[`${agent}:sum`] ?? 0);
      return { agent, count, average: count > 0 ? Math.round((sum / count) * 100) / 100 : 0 };
    });
  }
}

/**
 * Reads a rating from what a customer typed: a digit 1–5 (half- or full-width, "5分", "5 stars"),
 * a row of stars, or the number as a Chinese numeral. Anything else is not a rating.
 */
const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };

export function parseRating(text: string): number | undefined {
  const t = text.normalize('NFKC').trim().toLowerCase();
  const digit = /^([1-5])\s*(?:分|星|颗星|stars?|points?|\/\s*5)?[.!。！]?$/.exec(t);
  if (digit) return Number(digit[1]);
  const stars = /^[★⭐*]{1,5}$/u.exec(t);
  if (stars) return [...t].length;
  const zh = /^([一二两三四五])\s*(?:分|星|颗星)?[。！]?$/.exec(t);
  return zh ? CHINESE_DIGITS[zh[1]] : undefined;
}
