/**
 * Several runtimes on one Redis stand in for several bot processes (each has its own connection,
 * lock and storage, exactly as a process would); the two-process HTTP test is in
 * test/platform/multiProcess.e2e.test.ts.
 */
import { ConversationState, UserState, type BotState, type TurnContext } from 'botbuilder';
import pino from 'pino';
import { BotRuntime } from '../../src/runtime/botRuntime';
import { conversationKeys } from '../../src/runtime/conversationKeys';
import { RedisTurnLock } from '../../src/runtime/turnLock';
import { addTurnWrite } from '../../src/runtime/turnWrites';
import { BotError, ErrorCode } from '../../src/errors';
import { RedisStorage } from '../../src/storage/redisStorage';
import { SnapshotBotState, storageKeysOf } from '../../src/storage/snapshotBotState';
import type { TurnBot } from '../../src/turnBot';
import { newTestRedis, uniquePrefix } from '../support/testRedis';
import { CollectingAdapter } from './collectingAdapter';

/** Appends each message to a list in conversation state and replies with the list so far. */
class ListBot implements TurnBot {
  constructor(
    private readonly state: BotState,
    private readonly delayMs = 0,
  ) {}
  async run(ctx: TurnContext): Promise<void> {
    const list = this.state.createProperty<string[]>('list');
    const seen = (await list.get(ctx, [])) ?? [];
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (ctx.activity.text === 'fail') throw new Error('bot failed');
    await list.set(ctx, [...seen, ctx.activity.text ?? '']);
    await ctx.sendActivity(`${seen.length + 1}:${ctx.activity.text}`);
  }
}

function makeProcess(prefix: string, delayMs = 0, lockMs = 5000) {
  const redis = newTestRedis();
  const storage = new RedisStorage(redis, { prefix, ttlSeconds: 600 });
  // As src/app.ts builds it.
  const state = new SnapshotBotState(storage, storageKeysOf(new ConversationState(storage)));
  const runtime = new BotRuntime({
    bot: new ListBot(state, delayMs),
    lock: new RedisTurnLock(redis, { prefix, lockMs, waitMs: 20000 }),
    states: [state],
    logger: pino({ level: 'silent' }),
  });
  return { redis, storage, runtime, adapter: new CollectingAdapter() };
}

describe('BotRuntime across processes', () => {
  const prefix = uniquePrefix('runtime');
  const procs = [makeProcess(prefix, 3), makeProcess(prefix, 3)];
  afterAll(async () => {
    await Promise.all(procs.map((p) => p.redis.quit()));
  });

  it('runs concurrent turns of one conversation one at a time and loses none', async () => {
    const conv = `c-${Date.now()}`;
    const n = 20;
    await Promise.all(
      Array.from({ length: n }, (_, i) => {
        const p = procs[i % 2];
        return p.runtime.handleTurn(p.adapter.context(conv, `m${i}`));
      }),
    );
    const items = await procs[0].storage.read([`test/conversations/${conv}/`]);
    const list = (items[`test/conversations/${conv}/`] as { list: string[] }).list;
    expect(list).toHaveLength(n);
    expect(new Set(list).size).toBe(n);
    // Each turn saw every earlier turn's state: the replies number 1..n exactly once.
    const counts = procs.flatMap((p) => p.adapter.sent.map((a) => Number((a.text ?? '').split(':')[0])));
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  });

  it('sends no reply for a turn whose state was not saved', async () => {
    const conv = `c-fail-${Date.now()}`;
    const p = makeProcess(prefix);
    const before = p.adapter.sent.length;
    p.redis.disconnect();
    await expect(p.runtime.handleTurn(p.adapter.context(conv, 'hello'))).rejects.toMatchObject({ status: 503 });
    expect(p.adapter.sent.length).toBe(before);
  });

  it('refuses to save a turn that lost its lock, so the newer state survives and the late turn sends nothing', async () => {
    const conv = `c-late-${Date.now()}`;
    const slow = makeProcess(prefix, 400);
    const fast = makeProcess(prefix);
    try {
      await fast.runtime.handleTurn(fast.adapter.context(conv, 'hello'));
      const late = slow.runtime.handleTurn(slow.adapter.context(conv, 'late'));
      await new Promise((r) => setTimeout(r, 100));
      // As if its lease had run out while its process stalled (or Redis lost the lock in a restart).
      await slow.redis.del(conversationKeys(prefix, `test/${conv}`).lockQueue);
      await fast.runtime.handleTurn(fast.adapter.context(conv, 'next'));
      await expect(late).rejects.toMatchObject({ code: 'TURN_BUSY', status: 503 });
      expect(slow.adapter.sent).toHaveLength(0);
      const items = await fast.storage.read([`test/conversations/${conv}/`]);
      expect((items[`test/conversations/${conv}/`] as { list: string[] }).list).toEqual(['hello', 'next']);
      // The channel's retry of the late message then runs on the newer state.
      await fast.runtime.handleTurn(fast.adapter.context(conv, 'late'));
      expect(fast.adapter.sent.at(-1)?.text).toBe('3:late');
    } finally {
      await Promise.all([slow.redis.quit(), fast.redis.quit()]);
    }
  });

  it("refuses to save a lock-losing turn over another's first turn of a new conversation", async () => {
    const conv = `c-new-${Date.now()}`;
    const slow = makeProcess(prefix, 400);
    const fast = makeProcess(prefix);
    try {
      const late = slow.runtime.handleTurn(slow.adapter.context(conv, 'late'));
      await new Promise((r) => setTimeout(r, 100));
      await slow.redis.del(conversationKeys(prefix, `test/${conv}`).lockQueue);
      await fast.runtime.handleTurn(fast.adapter.context(conv, 'first'));
      await expect(late).rejects.toMatchObject({ code: 'TURN_BUSY' });
      const items = await fast.storage.read([`test/conversations/${conv}/`]);
      expect((items[`test/conversations/${conv}/`] as { list: string[] }).list).toEqual(['first']);
    } finally {
      await Promise.all([slow.redis.quit(), fast.redis.quit()]);
    }
  });

  it('runs turns of two conversations of one customer at the same time (user state: last writer wins)', async () => {
    const redis = newTestRedis();
    const storage = new RedisStorage(redis, { prefix, ttlSeconds: 600 });
    const user = new SnapshotBotState(storage, storageKeysOf(new UserState(storage)), { lastWriterWins: true });
    const seen = user.createProperty<number>('turns');
    const bot: TurnBot = {
      async run(ctx) {
        await seen.set(ctx, ((await seen.get(ctx, 0)) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 20)); // both turns hold the user state at once
        await ctx.sendActivity('ok');
      },
    };
    const runtime = new BotRuntime({ bot, lock: new RedisTurnLock(redis, { prefix, lockMs: 5000, waitMs: 5000 }), states: [user], logger: pino({ level: 'silent' }) });
    const adapter = new CollectingAdapter();
    const stamp = Date.now();
    try {
      await runtime.handleTurn(adapter.context(`tab-a-${stamp}`, 'first')); // the user state exists (has an eTag)
      await Promise.all([runtime.handleTurn(adapter.context(`tab-a-${stamp}`, 'hi')), runtime.handleTurn(adapter.context(`tab-b-${stamp}`, 'hi'))]);
      expect(adapter.sent).toHaveLength(3);
    } finally {
      await redis.quit();
    }
  });

  it('sends nothing when a write of the turn (such as its transcript entry) fails, as when its state write fails', async () => {
    const p = makeProcess(prefix);
    const runtime = new BotRuntime({
      bot: { run: async (ctx) => void (await ctx.sendActivity('answer')) },
      lock: new RedisTurnLock(p.redis, { prefix, lockMs: 5000, waitMs: 5000 }),
      states: [],
      logger: pino({ level: 'silent' }),
    });
    runtime.use(async (ctx, next) => {
      addTurnWrite(ctx, Promise.reject(new BotError(ErrorCode.StoreUnavailable, 'transcript: Redis did not answer')));
      await next();
    });
    try {
      await expect(runtime.handleTurn(p.adapter.context(`c-write-${Date.now()}`, 'hello'))).rejects.toMatchObject({ status: 503 });
      expect(p.adapter.sent).toHaveLength(0);
    } finally {
      await p.redis.quit();
    }
  });

  it('sends no reply when the bot fails, and the next turn still runs', async () => {
    const conv = `c-err-${Date.now()}`;
    const p = procs[0];
    const before = p.adapter.sent.length;
    await expect(p.runtime.handleTurn(p.adapter.context(conv, 'fail'))).rejects.toThrow('bot failed');
    expect(p.adapter.sent.length).toBe(before);
    await p.runtime.handleTurn(p.adapter.context(conv, 'again'));
    expect(p.adapter.sent.at(-1)?.text).toBe('1:again');
  });
});
