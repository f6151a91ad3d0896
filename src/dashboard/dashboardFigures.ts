import type { RedisClient } from '../redis/redisClient';
import { z } from 'zod';
import { fromHandle } from '../handover/handoverKeys';
import { lastDays, statsDay } from './statsDay';
import type { StatsRecorder } from './statsRecorder';

export interface ChannelDay {
  day: string;
  channel: string;
  conversations: number;
  turns: number;
  escalations: number;
  /** Share of conversations that ended without a person (1 − escalations / conversations). */
  containment: number;
  escalationRate: number;
  reasons: Record<string, number>;
  waitMedianMs: number | null;
  waitP90Ms: number | null;
  waits: number;
  ratings: number;
  ratingAverage: number | null;
  fallbacks: number;
}

/** Nearest-rank percentile of sorted numbers; null for none. */
export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const ratingLine = z.object({ score: z.number().int().min(1).max(5), handle: z.string(), at: z.number() });

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Reads the recorded figures back, per day and channel, and computes rates and percentiles. */
export class DashboardFigures {
  constructor(
    private readonly redis: RedisClient,
    private readonly recorder: StatsRecorder,
    private readonly ratingLogKey: string,
    private readonly timeZone: string,
  ) {}

  async days(now: number, n: number): Promise<ChannelDay[]> {
    const days = lastDays(now, n, this.timeZone);
    const ratings = await this.ratingsByDay();
    const rows = await Promise.all(days.map((day) => this.day(day, ratings)));
    return rows.flat();
  }

  private async day(day: string, ratings: Map<string, number[]>): Promise<ChannelDay[]> {
    const k = this.recorder.keys(day);
    const [channels, counters] = await Promise.all([this.redis.smembers(k.channels), this.redis.hgetall(k.counters)]);
    const ratedChannels = [...ratings.keys()].filter((key) => key.startsWith(`${day}|`)).map((key) => key.split('|')[1]);
    const all = [...new Set([...channels, ...ratedChannels])].sort();
    return Promise.all(
      all.map(async (channel) => {
        const [conversations, waitsRaw] = await Promise.all([this.redis.scard(k.conversations(channel)), this.redis.lrange(k.waits(channel), 0, -1)]);
        const count = (name: string) => Number(counters[`${channel}:${name}`] ?? 0);
        const escalations = count('escalations');
        const reasons = Object.fromEntries(
          Object.entries(counters)
            .filter(([field]) => field.startsWith(`${channel}:reason:`))
            .map(([field, v]) => [field.slice(`${channel}:reason:`.length), Number(v)]),
        );
        const waits = waitsRaw.map(Number).sort((a, b) => a - b);
        const scores = ratings.get(`${day}|${channel}`) ?? [];
        return {
          day,
          channel,
          conversations,
          turns: count('turns'),
          escalations,
          containment: conversations > 0 ? round(1 - Math.min(escalations, conversations) / conversations) : 1,
          escalationRate: conversations > 0 ? round(Math.min(escalations, conversations) / conversations) : 0,
          reasons,
          waitMedianMs: percentile(waits, 50),
          waitP90Ms: percentile(waits, 90),
          waits: waits.length,
          ratings: scores.length,
          ratingAverage: scores.length > 0 ? round(scores.reduce((a, b) => a + b, 0) / scores.length, 2) : null,
          fallbacks: count('fallbacks'),
        };
      }),
    );
  }

  /** The rating log (src/handover/ratingStore.ts) bucketed by day and the conversation's channel. */
  private async ratingsByDay(): Promise<Map<string, number[]>> {
    const out = new Map<string, number[]>();
    for (const line of await this.redis.lrange(this.ratingLogKey, 0, -1)) {
      const parsed = ratingLine.safeParse(parseJson(line));
      if (!parsed.success) continue; // a malformed line is skipped
      const { score, handle, at } = parsed.data;
      const key = `${statsDay(at, this.timeZone)}|${fromHandle(handle).split('/')[0]}`;
      out.set(key, [...(out.get(key) ?? []), score]);
    }
    return out;
  }
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
