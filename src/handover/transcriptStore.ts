import type { Redis } from 'ioredis';
import { z } from 'zod';
import { maskPii } from '../pii/maskPii';
import type { HandoverKeys } from './handoverKeys';

export const SPEAKERS = ['customer', 'bot', 'agent', 'system'] as const;
export type Speaker = (typeof SPEAKERS)[number];

export const transcriptEntrySchema = z.object({
  from: z.enum(SPEAKERS),
  text: z.string(),
  at: z.number(),
  agent: z.string().optional(),
});
export type TranscriptEntry = z.infer<typeof transcriptEntrySchema>;

/** Only the most recent messages are kept per conversation; older ones age out of the list. */
const MAX_ENTRIES = 500;

/**
 * The conversation as the agent sees it and as audit keeps it: a Redis LIST per conversation,
 * every text PII-masked BEFORE it is stored, the whole list expiring after the transcript TTL.
 */
export class TranscriptStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: HandoverKeys,
    private readonly ttlSeconds: number,
  ) {}

  async append(member: string, entry: TranscriptEntry): Promise<TranscriptEntry> {
    const masked = { ...entry, text: maskPii(entry.text) };
    const key = this.keys.transcript(member);
    await this.redis.multi().rpush(key, JSON.stringify(masked)).ltrim(key, -MAX_ENTRIES, -1).expire(key, this.ttlSeconds).exec();
    return masked;
  }

  async read(member: string, last = MAX_ENTRIES): Promise<TranscriptEntry[]> {
    const raw = await this.redis.lrange(this.keys.transcript(member), -last, -1);
    return raw.flatMap((line) => {
      try {
        const parsed = transcriptEntrySchema.safeParse(JSON.parse(line));
        return parsed.success ? [parsed.data] : [];
      } catch {
        return [];
      }
    });
  }
}
