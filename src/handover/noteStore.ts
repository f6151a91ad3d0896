import type { RedisClient } from '../redis/redisClient';
import { z } from 'zod';
import { maskPii } from '../pii/maskPii';
import type { HandoverKeys } from './handoverKeys';

export const noteSchema = z.object({ agent: z.string(), text: z.string(), at: z.number() });
export type Note = z.infer<typeof noteSchema>;

const MAX_NOTES = 200;

/**
 * Agents' private notes on a conversation ("customer already verified at the branch"): seen by the
 * agents who handle it, never sent to the customer, and kept apart from the transcript so they
 * cannot leak into a `handoff.initiate` either. PII-masked and expiring like the transcript.
 */
export class NoteStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: HandoverKeys,
    private readonly ttlSeconds: number,
  ) {}

  async add(member: string, note: Note): Promise<Note> {
    const masked = { ...note, text: maskPii(note.text) };
    const key = this.keys.notes(member);
    await this.redis.multi().rpush(key, JSON.stringify(masked)).ltrim(key, -MAX_NOTES, -1).expire(key, this.ttlSeconds).exec();
    return masked;
  }

  async read(member: string): Promise<Note[]> {
    const raw = await this.redis.lrange(this.keys.notes(member), 0, -1);
    return raw.flatMap((line) => {
      try {
        const parsed = noteSchema.safeParse(JSON.parse(line));
        return parsed.success ? [parsed.data] : [];
      } catch {
        return [];
      }
    });
  }
}
