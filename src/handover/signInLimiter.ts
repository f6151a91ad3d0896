import type { Redis } from 'ioredis';
import type { HandoverKeys } from './handoverKeys';

export interface SignInLimits {
  /** Failed attempts allowed per window for one agent name. */
  maxPerName: number;
  /** …and from one client address (higher: a contact centre's agents may share one NAT address). */
  maxPerAddress: number;
  windowSeconds: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { maxPerName: 5, maxPerAddress: 20, windowSeconds: 15 * 60 };

/**
 * Slows password guessing: failures are counted in Redis per name and per address (so the limit
 * holds across bot processes; each failure restarts the window), and once either reaches the limit every attempt is refused — even
 * with the right password — until the window passes.
 */
export class SignInLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly keys: HandoverKeys,
    private readonly limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS,
  ) {}

  /** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
  async retryAfter(name: string, address: string): Promise<number> {
    const scopes = this.scopes(name, address);
    const counts = await Promise.all(scopes.map((s) => this.redis.get(s)));
    const limits = [this.limits.maxPerName, this.limits.maxPerAddress];
    const blocked = scopes.filter((_, i) => Number(counts[i] ?? 0) >= limits[i]);
    if (blocked.length === 0) return 0;
    const ttls = await Promise.all(blocked.map((s) => this.redis.ttl(s)));
    return Math.max(1, ...ttls);
  }

  async recordFailure(name: string, address: string): Promise<void> {
    const multi = this.redis.multi();
    for (const scope of this.scopes(name, address)) multi.incr(scope).expire(scope, this.limits.windowSeconds);
    await multi.exec();
  }

  async reset(name: string): Promise<void> {
    await this.redis.del(this.keys.signInFailures(`name:${name.toLowerCase()}`));
  }

  private scopes(name: string, address: string): string[] {
    return [this.keys.signInFailures(`name:${name.toLowerCase()}`), this.keys.signInFailures(`ip:${address}`)];
  }
}
