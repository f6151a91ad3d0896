/**
 * Remembers, per customer, what the numbers in the last reply stand for ("回复 1 …"), so that a
 * customer answering "1" is understood as the option's value. In Redis, because the next message
 * may reach another bot process. Missing or broken memory only means "1" is read as plain text.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';

export const CHOICE_TTL_SECONDS = 24 * 3600;
const choicesSchema = z.array(z.string().max(1024)).max(99);

export class ChoiceMemory {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(openId: string): string {
    return `${this.prefix}wechat:choices:${createHash('sha256').update(openId).digest('hex')}`;
  }

  /** The newest replies decide: replies without numbers clear older ones, so "1" never goes stale. */
  async remember(openId: string, choices: readonly string[]): Promise<void> {
    if (choices.length === 0) await this.redis.del(this.key(openId));
    else await this.redis.set(this.key(openId), JSON.stringify(choices), 'EX', CHOICE_TTL_SECONDS);
  }

  async recall(openId: string): Promise<string[]> {
    try {
      const raw = await this.redis.get(this.key(openId));
      if (!raw) return [];
      const parsed = choicesSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }
}
