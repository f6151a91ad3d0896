import type { RedisClient } from '../redis/redisClient';
import { z } from 'zod';
import type { HandoverKeys } from './handoverKeys';
import type { TranscriptEntry, TranscriptStore } from './transcriptStore';

/** How many closed conversations stay searchable; older ones drop off (transcripts expire anyway). */
const KEEP = 1000;
/** How many of the most recent a search reads through. */
const SEARCH_DEPTH = 300;

export const closedSummarySchema = z.object({
  handle: z.string(),
  customer: z.string(),
  agent: z.string(),
  channel: z.string(),
  script: z.string(),
  reason: z.string(),
  closedAt: z.number(),
});
export type ClosedSummary = z.infer<typeof closedSummarySchema>;

export interface ClosedHit extends ClosedSummary {
  snippet: string;
}

/**
 * Conversations agents have closed, so they do not vanish from the console: the latest are listed
 * and searchable by customer, agent or words in the (already masked) transcript, read-only.
 */
export class ClosedConversations {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: HandoverKeys,
    private readonly transcripts: TranscriptStore,
  ) {}

  async record(member: string, summary: ClosedSummary): Promise<void> {
    await this.redis
      .multi()
      .zadd(this.keys.closed, summary.closedAt, member)
      .hset(this.keys.closedInfo, member, JSON.stringify(summary))
      .exec();
    const dropped = await this.redis.zrange(this.keys.closed, 0, -KEEP - 1);
    if (dropped.length > 0) await this.redis.multi().zrem(this.keys.closed, ...dropped).hdel(this.keys.closedInfo, ...dropped).exec();
  }

  async summary(member: string): Promise<ClosedSummary | undefined> {
    return parseSummary(await this.redis.hget(this.keys.closedInfo, member));
  }

  /** Newest first; an empty query lists the latest 50. */
  async search(query: string): Promise<ClosedHit[]> {
    const members = await this.redis.zrevrange(this.keys.closed, 0, SEARCH_DEPTH - 1);
    if (members.length === 0) return [];
    const infos = await this.redis.hmget(this.keys.closedInfo, ...members);
    const needle = query.trim().toLowerCase();
    const hits: ClosedHit[] = [];
    for (const [i, member] of members.entries()) {
      const summary = parseSummary(infos[i]);
      if (!summary) continue;
      if (!needle) {
        if (hits.length < 50) hits.push({ ...summary, snippet: '' });
        continue;
      }
      const inHead = [summary.customer, summary.agent].some((t) => t.toLowerCase().includes(needle));
      const entry = inHead ? undefined : (await this.transcripts.read(member)).find((e) => e.text.toLowerCase().includes(needle));
      if (inHead || entry) hits.push({ ...summary, snippet: entry ? snippetOf(entry, needle) : '' });
      if (hits.length >= 50) break;
    }
    return hits;
  }
}

function snippetOf(entry: TranscriptEntry, needle: string): string {
  const at = entry.text.toLowerCase().indexOf(needle);
  const start = Math.max(0, at - 30);
  return `${start > 0 ? '…' : ''}${entry.text.slice(start, at + needle.length + 50)}`;
}

function parseSummary(raw: string | null): ClosedSummary | undefined {
  if (!raw) return undefined;
  try {
    const parsed = closedSummarySchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
