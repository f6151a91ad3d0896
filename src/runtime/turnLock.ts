import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../redis/redisClient';
import { BotError, ErrorCode } from '../errors';
import { LuaScript } from '../redis/luaScript';
import { conversationKeys } from './conversationKeys';

/**
 * Reads a turn may start together with its first attempt to take the lock. Redis runs commands of
 * one connection in order, so reads sent right behind a successful attempt see the state as the
 * lock holder before us left it: the turn saves a round trip. If that attempt finds the lock
 * taken, the reads may be stale and are dropped.
 */
export interface LockPrefetch {
  start(): void;
  discard(): void;
}

/** Where a turn belongs among its conversation's turns, by the channel's clock (see channelOrder.ts). */
export interface TurnOrder {
  /** When the channel received the message, in microseconds since the epoch. */
  sentAtUs: number;
}

/**
 * Runs `fn` while no other turn of the same conversation runs, in this process or another; turns
 * run in the channel's order where it gives one (`order`), else in the order they arrived.
 */
export interface TurnLock {
  run<T>(key: string, fn: () => Promise<T>, prefetch?: LockPrefetch, order?: TurnOrder): Promise<T>;
}

/**
 * Chains turns of one conversation inside this process, so they queue in arrival order without
 * polling anything. For tests and single-process tools: the app always uses RedisTurnLock (memory
 * mode included, it is a Redis server too), which does not chain locally (see there why).
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

/*
 * The lock is a queue per conversation: a sorted set of waiting turns scored by their place (the
 * channel's send time in µs, or the arrival time in µs with an arrival sequence breaking ties
 * inside a millisecond), and a hash of their lease deadlines. The head of the queue holds the
 * lock; on taking it, its score becomes 0 so a message that arrives later but was sent earlier
 * queues first among the waiters and never beside the running turn. Every entry has a lease its
 * process renews (the holder by a timer, a waiter by polling); an entry whose lease ran out
 * belongs to a dead process and is dropped by whoever looks next, so a dead holder blocks its
 * conversation for at most one lease. A head whose message is younger than the reorder window
 * waits it out (answer 2), so a message sent just before it but still on its way to another
 * process can take its place.
 * Plain commands only (no TIME, no key built inside the script), so the in-memory store runs them
 * and a Redis Cluster sees every key declared, all under the conversation's hash tag.
 *
 * KEYS: queue (zset), leases (hash), sequence. ARGV: token, now ms, lease ms, key ttl s,
 * place µs ('' = by arrival), hold until ms.
 * Returns 1 when `token` now holds the lock, 2 when it is next but held back, 0 when it waits.
 */
const TAKE = new LuaScript(`
local now = tonumber(ARGV[2])
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  local place = tonumber(ARGV[5])
  if not place then place = now * 1000 + redis.call('INCR', KEYS[3]) % 1000 end
  redis.call('ZADD', KEYS[1], place, ARGV[1])
end
redis.call('HSET', KEYS[2], ARGV[1], now + tonumber(ARGV[3]))
for _ = 1, 64 do
  local head = redis.call('ZRANGE', KEYS[1], 0, 0)[1]
  if head == ARGV[1] then break end
  local deadline = tonumber(redis.call('HGET', KEYS[2], head))
  if deadline and deadline >= now then break end
  redis.call('ZREM', KEYS[1], head)
  redis.call('HDEL', KEYS[2], head)
end
for i = 1, 3 do redis.call('EXPIRE', KEYS[i], ARGV[4]) end
if redis.call('ZRANGE', KEYS[1], 0, 0)[1] ~= ARGV[1] then return 0 end
if now < tonumber(ARGV[6]) then return 2 end
redis.call('ZADD', KEYS[1], 0, ARGV[1])
return 1
`);

/** TAKE's answer when the turn is next but its message is still inside the reorder window. */
const HELD = 2;

/** KEYS: queue, leases. ARGV: token, now ms, lease ms. 1 while the entry is still queued (lease extended), 0 once it was dropped. */
const RENEW = new LuaScript(`
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], tonumber(ARGV[2]) + tonumber(ARGV[3]))
return 1
`);

/** KEYS: queue, leases. ARGV: token. */
const LEAVE = new LuaScript(`
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
return 1
`);

export interface RedisTurnLockOptions {
  prefix: string;
  /** Lease of a turn (held or waiting): a dead process's place is given up after this. */
  lockMs: number;
  /** How long to wait for a busy conversation before failing the turn (the channel retries). */
  waitMs: number;
  /**
   * Reorder window: a turn with a channel order waits until its message is this old by the
   * channel's clock (at most this long after it arrived), so one sent just before it that reached
   * another process a little later runs first. 0 (the default) runs every turn as it arrives.
   */
  orderWindowMs?: number;
}

/** A channel clock this far off ours is not trusted to place a turn (skew, or a replayed message). */
const ORDER_CLAMP_PAST_MS = 60_000;
const ORDER_CLAMP_FUTURE_MS = 1000;

/** Queue keys live an hour past their last use: long enough for any turn, short enough to leave nothing behind. */
const QUEUE_TTL_SECONDS = 3600;

/**
 * A per-conversation lock in Redis that survives its owner dying (lease plus renewal) and grants
 * turns in arrival order across processes (a sequence in Redis). We chose a lock over
 * eTag-retry-on-conflict because turns of one conversation must run *in order*: with optimistic
 * retries two turns would both run, and the loser would run again against the winner's state.
 * The eTag check in RedisStorage fences a turn that lost its lease (a stalled process): its save
 * is refused and nothing it computed is sent.
 *
 * Every turn takes its place in the Redis queue the moment it arrives, even when another turn of
 * the same conversation is running in this very process: a turn that first waited in a local
 * chain would take its place only once its predecessor finished, behind a message that reached
 * another process later (measured: m1 running in process A, m2 arriving at A, m3 at B 30 ms
 * later ran m1, m3, m2). A turn that leaves wakes this process's waiters of the conversation,
 * so a hand-over inside one process costs no polling delay.
 */
export class RedisTurnLock implements TurnLock {
  /** Per conversation, the waiters in this process to wake when a turn of it leaves. */
  private readonly waiters = new Map<string, Set<() => void>>();

  constructor(
    private readonly redis: RedisClient,
    private readonly options: RedisTurnLockOptions,
  ) {}

  async run<T>(key: string, fn: () => Promise<T>, prefetch?: LockPrefetch, order?: TurnOrder): Promise<T> {
    const keys = this.keys(key);
    const token = randomUUID();
    await this.acquire(key, keys, token, this.placeOf(order), prefetch);
    const renewal = this.renewWhileRunning(keys, token);
    try {
      return await fn();
    } finally {
      clearInterval(renewal);
      await LEAVE.run(this.redis, keys, [token]).catch(() => undefined);
      this.waiters.get(key)?.forEach((wake) => wake());
    }
  }

  /**
   * The turn's place in the queue and until when it is held back. Without a channel order: by
   * arrival, never held. A channel clock far off ours is pulled into range, so a skewed or replayed
   * timestamp can neither jump the whole queue nor sit behind every later message.
   */
  private placeOf(order: TurnOrder | undefined): { place: string; holdUntil: number } {
    const now = Date.now();
    const window = this.options.orderWindowMs ?? 0;
    if (!order || window <= 0) return { place: '', holdUntil: 0 };
    const sentAtUs = Math.min(Math.max(order.sentAtUs, (now - ORDER_CLAMP_PAST_MS) * 1000), (now + ORDER_CLAMP_FUTURE_MS) * 1000);
    return { place: String(Math.round(sentAtUs)), holdUntil: Math.min(now + window, sentAtUs / 1000 + window) };
  }

  private keys(key: string): string[] {
    const base = conversationKeys(this.options.prefix, key);
    return [base.lockQueue, base.lockLeases, base.lockSequence];
  }

  /** Renews the lease a third of the way through, so two missed renewals still leave it standing. */
  private renewWhileRunning(keys: string[], token: string): NodeJS.Timeout {
    const timer = setInterval(() => {
      RENEW.run(this.redis, keys.slice(0, 2), [token, Date.now(), this.options.lockMs]).catch(() => undefined);
    }, Math.max(50, Math.floor(this.options.lockMs / 3)));
    timer.unref();
    return timer;
  }

  /** Sleeps `ms`, or less when a turn of the conversation leaves in this process. */
  private pause(key: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      let set = this.waiters.get(key);
      if (!set) this.waiters.set(key, (set = new Set()));
      const waiters = set;
      const wake = () => {
        clearTimeout(timer);
        waiters.delete(wake);
        if (waiters.size === 0 && this.waiters.get(key) === waiters) this.waiters.delete(key);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      waiters.add(wake);
    });
  }

  private async acquire(key: string, keys: string[], token: string, at: { place: string; holdUntil: number }, prefetch?: LockPrefetch): Promise<void> {
    const deadline = Date.now() + this.options.waitMs;
    let pause = 5;
    for (let attempt = 0; ; attempt++) {
      let ok: unknown;
      try {
        const taking = TAKE.run(this.redis, keys, [token, Date.now(), this.options.lockMs, QUEUE_TTL_SECONDS, at.place, at.holdUntil]);
        // Same tick as the script, so auto-pipelining sends the reads right behind it.
        if (attempt === 0) prefetch?.start();
        ok = await taking;
        if (attempt === 0 && ok !== 1) prefetch?.discard();
      } catch (err) {
        if (attempt === 0) prefetch?.discard();
        await LEAVE.run(this.redis, keys, [token]).catch(() => undefined);
        throw new BotError(ErrorCode.StoreUnavailable, `RedisTurnLock.acquire(): Redis did not answer: ${String(err)}`, {
          cause: err,
        });
      }
      if (ok === 1) return;
      if (Date.now() + pause > deadline) {
        // Give up our place, so the turns queued behind us need not wait out our lease.
        await LEAVE.run(this.redis, keys, [token]).catch(() => undefined);
        throw new BotError(ErrorCode.TurnBusy, `RedisTurnLock.acquire(): conversation still busy after ${this.options.waitMs} ms`);
      }
      if (ok === HELD) {
        // Next in line: sleep out the reorder window (a message sent earlier that arrives wakes nobody here, so poll at its end).
        await this.pause(key, Math.max(1, at.holdUntil - Date.now()));
        continue;
      }
      await this.pause(key, pause);
      pause = Math.min(pause * 2, 50);
    }
  }
}
