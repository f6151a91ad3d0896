import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { HandoverKeys } from './handoverKeys';

/** A console counts as online this long after its last request or live-stream heartbeat. */
export const PRESENCE_WINDOW_MS = 60_000;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * Console sign-in sessions and agent presence. The cookie carries a random token; Redis keeps only
 * its SHA-256 (a dump of Redis does not hand out sessions), with a sliding TTL.
 */
export class AgentSessions {
  constructor(
    private readonly redis: Redis,
    private readonly keys: HandoverKeys,
    private readonly ttlSeconds: number,
  ) {}

  async create(agent: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.redis.set(this.keys.session(hashToken(token)), agent, 'EX', this.ttlSeconds);
    return token;
  }

  /** The agent behind a token, refreshing its timeout; undefined if unknown or expired. */
  async resolve(token: string): Promise<string | undefined> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
    const key = this.keys.session(hashToken(token));
    const agent = await this.redis.get(key);
    if (agent) await this.redis.expire(key, this.ttlSeconds);
    return agent ?? undefined;
  }

  async destroy(token: string): Promise<void> {
    await this.redis.del(this.keys.session(hashToken(token)));
  }

  async touch(agent: string, now: number): Promise<void> {
    await this.redis.zadd(this.keys.presence, now, agent);
  }

  async online(now: number): Promise<string[]> {
    return this.redis.zrangebyscore(this.keys.presence, now - PRESENCE_WINDOW_MS, '+inf');
  }

  /** Agents seen once whose console has gone quiet for longer than the presence window. */
  async vanished(now: number): Promise<string[]> {
    return this.redis.zrangebyscore(this.keys.presence, '-inf', `(${now - PRESENCE_WINDOW_MS}`);
  }

  async setOffline(agent: string): Promise<void> {
    await this.redis.zrem(this.keys.presence, agent);
  }
}
