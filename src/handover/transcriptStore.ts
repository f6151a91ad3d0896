import type { RedisClient } from '../redis/redisClient';
import { z } from 'zod';
import { maskPii } from '../pii/maskPii';
import { LuaScript } from '../redis/luaScript';
import type { HandoverKeys } from './handoverKeys';

export const SPEAKERS = ['customer', 'bot', 'agent', 'system'] as const;
export type Speaker = (typeof SPEAKERS)[number];

export const transcriptEntrySchema = z.object({
  from: z.enum(SPEAKERS),
  text: z.string(),
  at: z.number(),
  agent: z.string().optional(),
  /** Files the customer sent (served same-origin from /attachments/{id}); the text is then ATTACHMENT_ONLY_TEXT or their caption. */
  attachments: z.array(z.object({ contentType: z.string(), url: z.string(), name: z.string() })).optional(),
  /** The customer message's turn id (src/runtime/turnJournal.ts turnIdOf): a retry of it is not recorded twice. */
  turn: z.string().optional(),
});
export type TranscriptEntry = z.infer<typeof transcriptEntrySchema>;

/** Default cap (TRANSCRIPT_MAX_ENTRIES): only the most recent messages are kept per conversation. */
export const DEFAULT_MAX_ENTRIES = 500;

/**
 * Push, trim and refresh the TTL as one command: it runs on every customer message and every
 * bot reply, and one script is a third of the client work of a MULTI/RPUSH/LTRIM/EXPIRE/EXEC.
 * ARGV: max entries, TTL seconds, then the entries.
 */
const APPEND = new LuaScript(`
redis.call('RPUSH', KEYS[1], unpack(ARGV, 3))
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[1]), -1)
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
`);

/**
 * APPEND for one entry of a customer's message, unless one of the latest entries is already that
 * message (same turn id): a turn that failed after this write (its state save did not happen, the
 * channel retried) records the message once. Retries come while the conversation is locked for
 * them, so the message is among the last few entries. ARGV: max, ttl, `"turn":"<id>"`, entry.
 */
const APPEND_ONCE = new LuaScript(`
for _, entry in ipairs(redis.call('LRANGE', KEYS[1], -32, -1)) do
  if string.find(entry, ARGV[3], 1, true) then return 0 end
end
redis.call('RPUSH', KEYS[1], ARGV[4])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[1]), -1)
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
`);

/**
 * The conversation as the agent sees it and as audit keeps it: a Redis LIST per conversation,
 * every text PII-masked BEFORE it is stored, the whole list expiring after the transcript TTL.
 */
export class TranscriptStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: HandoverKeys,
    private readonly ttlSeconds: number,
    private readonly maxEntries = DEFAULT_MAX_ENTRIES,
  ) {}

  async append(member: string, entry: TranscriptEntry): Promise<TranscriptEntry> {
    if (entry.turn === undefined) {
      const [masked] = await this.appendAll(member, [entry]);
      return masked;
    }
    const masked = { ...entry, text: maskPii(entry.text) };
    // JSON.stringify escapes quotes inside values, so this key-and-value text occurs only as the field.
    const marker = `"turn":${JSON.stringify(entry.turn)}`;
    await APPEND_ONCE.run(this.redis, [this.keys.transcript(member)], [this.maxEntries, this.ttlSeconds, marker, JSON.stringify(masked)]);
    return masked;
  }

  /** Appends entries in order, in one command (a turn's replies arrive together). */
  async appendAll(member: string, entries: TranscriptEntry[]): Promise<TranscriptEntry[]> {
    const masked = entries.map((entry) => ({ ...entry, text: maskPii(entry.text) }));
    if (masked.length === 0) return masked;
    await APPEND.run(this.redis, [this.keys.transcript(member)], [this.maxEntries, this.ttlSeconds, ...masked.map((m) => JSON.stringify(m))]);
    return masked;
  }

  async read(member: string, last = this.maxEntries): Promise<TranscriptEntry[]> {
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
