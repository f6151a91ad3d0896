/**
 * Makes WeChat's retries harmless. WeChat re-sends a message up to three times when it has no
 * answer within 5 seconds ("微信服务器在五秒内收不到响应会断掉连接，并且重新发起请求，总共重试三次",
 * Passive user reply message:
 * https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Passive_user_reply_message.html).
 *
 * The first copy claims the message's key in Redis (SET NX) under a short lease that it renews
 * while its turn runs, so across every bot process one runs the bot at a time. When it has
 * decided its passive reply it stores it under the same key; a retry waits (up to its own reply
 * budget) for that and answers the same text. If the claiming process dies, its lease runs out
 * within CLAIM_LEASE_MS and the next retry runs the turn (the turn journal in the conversation
 * state then re-delivers the replies if the dead process had saved the turn).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { RedisClient } from '../../redis/redisClient';
import { z } from 'zod';
import { BotError, ErrorCode } from '../../errors';
import { LuaScript } from '../../redis/luaScript';

/** Longer than WeChat's whole retry sequence (3 retries × 5 s) with a wide margin. */
export const DEDUPE_TTL_SECONDS = 600;
/** Shorter than WeChat's 5 s between retries, so a retry finds a dead process's claim gone. */
export const CLAIM_LEASE_MS = 3000;

const recordSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('running'), owner: z.string().optional() }),
  z.object({ state: z.literal('done'), reply: z.string().nullable() }),
]);

export type DedupeRecord = z.output<typeof recordSchema>;

export type ClaimResult = { owner: true; token: string } | { owner: false; record: DedupeRecord | undefined };

/** KEYS: the claim. ARGV: the owner's exact running record, lease ms. Extends only the owner's own claim. */
const RENEW = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`);

/** KEYS: the claim. ARGV: the owner's exact running record. Frees only the owner's own claim. */
const RELEASE = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

function runningRecord(token: string): string {
  return JSON.stringify({ state: 'running', owner: token });
}

export class WeChatDedupe {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  private key(messageKey: string): string {
    // The key may hold an OpenID; Redis keys show up in monitoring, so store a hash.
    return `${this.prefix}wechat:dedupe:${createHash('sha256').update(messageKey).digest('hex')}`;
  }

  async claim(messageKey: string): Promise<ClaimResult> {
    const token = randomUUID();
    const ok = await this.call(() => this.redis.set(this.key(messageKey), runningRecord(token), 'PX', CLAIM_LEASE_MS, 'NX'));
    if (ok === 'OK') return { owner: true, token };
    return { owner: false, record: await this.read(messageKey) };
  }

  /** Renews the claim until `work` settles, so it lapses only if this process dies. */
  holdWhile(messageKey: string, token: string, work: Promise<unknown>): void {
    const timer = setInterval(() => {
      RENEW.run(this.redis, [this.key(messageKey)], [runningRecord(token), CLAIM_LEASE_MS]).catch(() => undefined);
    }, Math.floor(CLAIM_LEASE_MS / 3));
    timer.unref();
    const stop = () => clearInterval(timer);
    work.then(stop, stop);
  }

  /** Records the passive reply (null: answered "success", everything went through the push API). */
  async finish(messageKey: string, reply: string | null): Promise<void> {
    await this.call(() => this.redis.set(this.key(messageKey), JSON.stringify({ state: 'done', reply }), 'EX', DEDUPE_TTL_SECONDS));
  }

  /** The turn failed before anything reached the customer: let WeChat's retry run it again. */
  async release(messageKey: string, token: string): Promise<void> {
    await RELEASE.run(this.redis, [this.key(messageKey)], [runningRecord(token)]).catch(() => undefined);
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

  /**
   * Polls until the first copy has stored its reply or given up its claim (released, or its
   * process died), or the deadline passes; returns the record as last seen.
   */
  async waitForReply(messageKey: string, deadline: number): Promise<DedupeRecord | undefined> {
    let pause = 10;
    for (;;) {
      const record = await this.read(messageKey);
      if (record?.state !== 'running') return record;
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
