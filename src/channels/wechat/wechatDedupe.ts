/**
 * Makes WeChat's retries harmless. WeChat re-sends a message up to three times when it has no
 * answer within 5 seconds ("微信服务器在五秒内收不到响应会断掉连接，并且重新发起请求，总共重试三次",
 * Passive user reply message:
 * https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Passive_user_reply_message.html).
 *
 * The first copy claims the message's key in Redis (SET NX), so across every bot process exactly
 * one runs the bot. When it has decided its passive reply it stores it under the same key; a
 * retry waits (up to its own reply budget) for that and answers the same text, or "success".
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { BotError, ErrorCode } from '../../errors';

/** Longer than WeChat's whole retry sequence (3 retries × 5 s) with a wide margin. */
export const DEDUPE_TTL_SECONDS = 600;

const recordSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('running') }),
  z.object({ state: z.literal('done'), reply: z.string().nullable() }),
]);

export type DedupeRecord = z.output<typeof recordSchema>;

export type ClaimResult = { owner: true } | { owner: false; record: DedupeRecord | undefined };

export class WeChatDedupe {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(messageKey: string): string {
    // The key may hold an OpenID; Redis keys show up in monitoring, so store a hash.
    return `${this.prefix}wechat:dedupe:${createHash('sha256').update(messageKey).digest('hex')}`;
  }

  async claim(messageKey: string): Promise<ClaimResult> {
    const ok = await this.call(() => this.redis.set(this.key(messageKey), JSON.stringify({ state: 'running' }), 'EX', DEDUPE_TTL_SECONDS, 'NX'));
    if (ok === 'OK') return { owner: true };
    return { owner: false, record: await this.read(messageKey) };
  }

  /** Records the passive reply (null: answered "success", everything went through the push API). */
  async finish(messageKey: string, reply: string | null): Promise<void> {
    await this.call(() => this.redis.set(this.key(messageKey), JSON.stringify({ state: 'done', reply }), 'EX', DEDUPE_TTL_SECONDS));
  }

  /** The turn failed before anything reached the customer: let WeChat's retry run it again. */
  async release(messageKey: string): Promise<void> {
    await this.redis.del(this.key(messageKey)).catch(() => undefined);
  }

  async read(messageKey: string): Promise<DedupeRecord | undefined> {
    const raw = await this.call(() => this.redis.get(this.key(messageKey)));
    if (raw === null) return undefined;
    try {
      const parsed = recordSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** Polls until the first copy has stored its reply, or the deadline passes (then undefined). */
  async waitForReply(messageKey: string, deadline: number): Promise<DedupeRecord | undefined> {
    let pause = 10;
    for (;;) {
      const record = await this.read(messageKey);
      if (record?.state === 'done') return record;
      if (Date.now() + pause > deadline) return record;
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 100);
    }
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw new BotError(ErrorCode.StoreUnavailable, `WeChatDedupe: Redis did not answer: ${String(err)}`, { cause: err });
    }
  }
}
