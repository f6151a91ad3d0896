import { randomBytes } from 'node:crypto';
import type { RedisClient } from '../redis/redisClient';
import { z } from 'zod';
import { groupBySimilarity } from './groupBySimilarity';

/** Only the most recent messages are kept; the inbox is a work list, not an archive. */
const MAX_MESSAGES = 500;

export const inboxEntrySchema = z.object({
  id: z.string(),
  text: z.string(),
  channel: z.string(),
  script: z.string(),
  intent: z.string(),
  score: z.number(),
  at: z.number(),
});
export type InboxEntry = z.infer<typeof inboxEntrySchema>;

/** Where a supervisor files a message: an intent of the classifier, or an FAQ entry. */
export const assignmentSchema = z.union([
  z.object({ intent: z.string().regex(/^[a-z_]{1,40}$/, 'an intent id is lower-case letters and underscores') }).strict(),
  z.object({ faq: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/, 'an FAQ id is letters, digits, dashes or underscores') }).strict(),
]);
export type Assignment = z.infer<typeof assignmentSchema>;

export interface InboxGroup {
  count: number;
  sample: string;
  entries: InboxEntry[];
}

/** One line of the export, in the shape of `intents/nlu/*.json` utterances (plus the FAQ target). */
export interface TrainingExample {
  text: string;
  intent?: string;
  faq?: string;
  language: 'zh' | 'en';
}

/**
 * Recent messages the bot could not place (already PII-masked), grouped by similarity for a
 * supervisor, who assigns each group to an intent or FAQ entry; assigned messages leave the inbox
 * and are exported as training data for the next model.
 */
export class MisunderstoodInbox {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  private get listKey(): string {
    return `${this.prefix}{inbox}:messages`;
  }

  private get assignedKey(): string {
    return `${this.prefix}{inbox}:assigned`;
  }

  async add(entry: Omit<InboxEntry, 'id'>): Promise<void> {
    const full: InboxEntry = { ...entry, id: randomBytes(9).toString('base64url') };
    await this.redis.multi().lpush(this.listKey, JSON.stringify(full)).ltrim(this.listKey, 0, MAX_MESSAGES - 1).exec();
  }

  async recent(): Promise<InboxEntry[]> {
    const raw = await this.redis.lrange(this.listKey, 0, MAX_MESSAGES - 1);
    return raw.flatMap((line) => {
      try {
        const parsed = inboxEntrySchema.safeParse(JSON.parse(line));
        return parsed.success ? [parsed.data] : [];
      } catch {
        return [];
      }
    });
  }

  /** Unassigned messages, grouped, biggest group first. */
  async groups(): Promise<InboxGroup[]> {
    const assigned = new Set(await this.redis.hkeys(this.assignedKey));
    const open = (await this.recent()).filter((e) => !assigned.has(e.id));
    return groupBySimilarity(open, (e) => e.text).map((entries) => ({ count: entries.length, sample: entries[0].text, entries }));
  }

  /** Files messages (by id) under an intent or FAQ entry; unknown ids are ignored, and counted. */
  async assign(ids: string[], target: Assignment): Promise<number> {
    const known = new Set((await this.recent()).map((e) => e.id));
    const hits = ids.filter((id) => known.has(id));
    if (hits.length > 0) await this.redis.hset(this.assignedKey, Object.fromEntries(hits.map((id) => [id, JSON.stringify(target)])));
    return hits.length;
  }

  /** Every assigned message still in the inbox as a training example. */
  async export(): Promise<TrainingExample[]> {
    const assigned = await this.redis.hgetall(this.assignedKey);
    return (await this.recent()).flatMap((e) => {
      const raw = assigned[e.id];
      if (!raw) return [];
      const target = assignmentSchema.safeParse(JSON.parse(raw));
      if (!target.success) return [];
      return [{ text: e.text, ...target.data, language: e.script === 'en' ? ('en' as const) : ('zh' as const) }];
    });
  }
}
