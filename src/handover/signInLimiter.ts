import type { RedisClient } from '../redis/redisClient';
import type { HandoverKeys } from './handoverKeys';

export interface SignInLimits {
  /** Attempts allowed per window for one agent name (a success resets it). */
  maxPerName: number;
  /** …and from one client address (higher: a contact centre's agents may share one NAT address). */
  maxPerAddress: number;
  windowSeconds: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { maxPerName: 5, maxPerAddress: 20, windowSeconds: 15 * 60 };

/** The attempt may go on to the password check (0), or must wait this many seconds. */
export type Admission = { allowed: true } | { allowed: false; retryAfter: number };

/**
 * Slows password guessing. Every attempt is counted in Redis per name and per address *before*
 * the password is checked, atomically (one MULTI), so parallel guesses cannot all pass the check
 * while the counters still read low: of 40 guesses sent at once, exactly `maxPerName` reach the
 * (slow, scrypt) password check. The counters are shared by all bot processes; each attempt
 * restarts the window. A successful sign-in clears its name's counter and gives back its address
 * slot.
 */
export class SignInLimiter {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: HandoverKeys,
    private readonly limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS,
  ) {}

  async admit(name: string, address: string): Promise<Admission> {
    const [byName, byAddress] = this.scopes(name, address);
    const replies = await this.redis
      .multi()
      .incr(byName)
      .expire(byName, this.limits.windowSeconds)
      .incr(byAddress)
      .expire(byAddress, this.limits.windowSeconds)
      .exec();
    const nameCount = Number(replies?.[0]?.[1] ?? Infinity);
    const addressCount = Number(replies?.[2]?.[1] ?? Infinity);
    if (nameCount > this.limits.maxPerName || addressCount > this.limits.maxPerAddress) {
      return { allowed: false, retryAfter: this.limits.windowSeconds };
    }
    return { allowed: true };
  }

  /** The attempt succeeded: the name starts afresh, and it used no slot of its address. */
  async succeeded(name: string, address: string): Promise<void> {
    const [byName, byAddress] = this.scopes(name, address);
    await this.redis.multi().del(byName).decr(byAddress).exec();
  }

  private scopes(name: string, address: string): [string, string] {
    return [this.keys.signInFailures(`name:${name.toLowerCase()}`), this.keys.signInFailures(`ip:${address}`)];
  }
}
