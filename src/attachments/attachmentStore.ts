import { randomBytes } from 'node:crypto';
import type { RedisClient } from '../redis/redisClient';
import { z } from 'zod';
import { ACCEPTED_TYPES, type AcceptedType } from './sniffType';

/**
 * Where a stored attachment is served (`GET /attachments/{id}`, registered with Direct Line's
 * upload route); the console and Direct Line clients load it from here.
 */
export const ATTACHMENT_PATH = '/attachments';

export { ATTACHMENT_MAX_BYTES } from './attachmentLimits';

const metaSchema = z.object({ type: z.enum(ACCEPTED_TYPES), name: z.string(), size: z.number(), conversation: z.string() });
export type AttachmentMeta = z.infer<typeof metaSchema>;

/**
 * Files customers send (screenshots of an error, a PDF statement), kept in Redis for a limited time
 * like transcripts, under a random 128-bit id that is the only way to reach one. Stored base64 so
 * every Redis client and our in-process store handle them as ordinary strings.
 */
export class AttachmentStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  async put(bytes: Buffer, meta: AttachmentMeta): Promise<string> {
    const id = randomBytes(16).toString('base64url');
    await this.redis
      .multi()
      .set(this.key(id), bytes.toString('base64'), 'EX', this.ttlSeconds)
      .set(`${this.key(id)}:meta`, JSON.stringify(meta), 'EX', this.ttlSeconds)
      .exec();
    return id;
  }

  async get(id: string): Promise<{ bytes: Buffer; meta: AttachmentMeta } | undefined> {
    if (!/^[A-Za-z0-9_-]{22}$/.test(id)) return undefined;
    const [data, rawMeta] = await Promise.all([this.redis.get(this.key(id)), this.redis.get(`${this.key(id)}:meta`)]);
    if (!data || !rawMeta) return undefined;
    const meta = metaSchema.safeParse(JSON.parse(rawMeta));
    return meta.success ? { bytes: Buffer.from(data, 'base64'), meta: meta.data } : undefined;
  }

  private key(id: string): string {
    // A hash tag: the bytes and the metadata are written in one MULTI, so they share a slot.
    return `${this.prefix}{attach:${id}}`;
  }
}

export type { AcceptedType };
