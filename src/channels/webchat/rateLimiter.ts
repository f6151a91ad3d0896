import { randomBytes } from 'node:crypto';
import type { RedisClient } from '../../redis/redisClient';
import { LuaScript } from '../../redis/luaScript';
import { storeCall } from './storeCall';

/**
 * A sliding-window limit kept in Redis (a sorted set of recent hits), so the limit holds across
 * every bot process and has no burst at window edges. Rejected attempts are not recorded, so a
 * client that backs off regains its full allowance one window later.
 */
const HIT = new LuaScript(`
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window)
return 1
`);

export class RateLimiter {
  constructor(
    private readonly redis: RedisClient,
    private readonly keyPrefix: string,
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** True when this hit is allowed (and counted). */
  async hit(subject: string): Promise<boolean> {
    const member = `${Date.now()}:${randomBytes(6).toString('base64url')}`;
    const allowed = await storeCall('RateLimiter.hit()', () =>
      HIT.run(this.redis, [`${this.keyPrefix}${subject}`], [Date.now(), this.windowMs, this.limit, member]),
    );
    return Number(allowed) === 1;
  }
}
