import { createHash } from 'node:crypto';
import type { RedisClient } from './redisClient';

/**
 * A Lua script run by its SHA1 (EVALSHA) so the body is not resent on every call; after a Redis
 * restart or SCRIPT FLUSH the server answers NOSCRIPT and we send the body once more.
 */
export class LuaScript {
  private static readonly all: LuaScript[] = [];
  readonly sha: string;

  constructor(readonly body: string) {
    this.sha = createHash('sha1').update(body).digest('hex');
    LuaScript.all.push(this);
  }

  /** Every script built so far: the store contract test checks each against both stores. */
  static registered(): readonly LuaScript[] {
    return LuaScript.all;
  }

  async run(redis: RedisClient, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('NOSCRIPT')) {
        return redis.eval(this.body, keys.length, ...keys, ...args);
      }
      throw err;
    }
  }
}
