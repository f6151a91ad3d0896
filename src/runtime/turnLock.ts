import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { BotError, ErrorCode } from '../errors';
import { LuaScript } from '../redis/luaScript';

/**
 * Reads a turn may start together with its first attempt to take the lock. Redis runs commands of
 * one connection in order, so reads sent right behind a successful `SET NX` see the state as the
 * lock holder before us left it: the turn saves a round trip. If that attempt finds the lock
 * taken, the reads may be stale and are dropped.
 */
export interface LockPrefetch {
  start(): void;
  discard(): void;
}

/** Runs `fn` while no other turn of the same conversation runs, in this process or another. */
export interface TurnLock {
  run<T>(key: string, fn: () => Promise<T>, prefetch?: LockPrefetch): Promise<T>;
}

/**
 * Chains turns of one conversation inside this process, so they queue in arrival order without
 * polling anything. Used alone when state is in memory (one process), and in front of the Redis
 * lock otherwise.
 */
export class LocalTurnLock implements TurnLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, fn: () => Promise<T>, prefetch?: LockPrefetch): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    // In memory nothing is gained by reading early; the reads simply run inside `fn`.
    prefetch?.discard();
    const current = previous.catch(() => undefined).then(fn);
    this.tails.set(key, current);
    try {
      return await current;
    } finally {
      if (this.tails.get(key) === current) this.tails.delete(key);
    }
  }
}

const RELEASE = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

export interface RedisTurnLockOptions {
  prefix: string;
  /** Lock lifetime: a crashed process's lock frees itself after this. */
  lockMs: number;
  /** How long to wait for a busy conversation before failing the turn (the channel retries). */
  waitMs: number;
}

/**
 * A short per-conversation lock in Redis (SET NX PX with a random token, released only by its
 * owner), as Rasa's RedisLockStore does. We chose a lock over eTag-retry-on-conflict because the
 * issue asks for turns of one conversation to run *in order*: with optimistic retries two turns
 * would both run, and the loser would run again against the winner's state, sending replies
 * twice if it had already sent any. The eTag check in RedisStorage still guards the write in
 * case a lock outlives `lockMs`.
 */
export class RedisTurnLock implements TurnLock {
  private readonly local = new LocalTurnLock();

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisTurnLockOptions,
  ) {}

  run<T>(key: string, fn: () => Promise<T>, prefetch?: LockPrefetch): Promise<T> {
    return this.local.run(key, async () => {
      const redisKey = `${this.options.prefix}lock:${key}`;
      const token = randomUUID();
      await this.acquire(redisKey, token, prefetch);
      try {
        return await fn();
      } finally {
        await RELEASE.run(this.redis, [redisKey], [token]).catch(() => undefined);
      }
    });
  }

  private async acquire(redisKey: string, token: string, prefetch?: LockPrefetch): Promise<void> {
    const deadline = Date.now() + this.options.waitMs;
    let pause = 5;
    for (let attempt = 0; ; attempt++) {
      let ok: string | null;
      try {
        const taking = this.redis.set(redisKey, token, 'PX', this.options.lockMs, 'NX');
        // Same tick as the SET, so auto-pipelining sends the reads right behind it.
        if (attempt === 0) prefetch?.start();
        ok = await taking;
        if (attempt === 0 && ok !== 'OK') prefetch?.discard();
      } catch (err) {
        if (attempt === 0) prefetch?.discard();
        throw new BotError(ErrorCode.StoreUnavailable, `RedisTurnLock.acquire(): Redis did not answer: ${String(err)}`, {
          cause: err,
        });
      }
      if (ok === 'OK') return;
      if (Date.now() + pause > deadline) {
        throw new BotError(ErrorCode.TurnBusy, `RedisTurnLock.acquire(): conversation still busy after ${this.options.waitMs} ms`);
      }
      await new Promise((r) => setTimeout(r, pause));
      pause = Math.min(pause * 2, 50);
    }
  }
}
