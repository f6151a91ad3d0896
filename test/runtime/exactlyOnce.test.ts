/**
 * A channel's retries never run a turn twice or lose it; a dead process's conversation is taken
 * over; turns of one conversation run in arrival order across processes. Each "process" is a
 * runtime with its own Redis connection, lock and storage, as in botRuntime.test.ts.
 */
import { ConversationState, type BotState, type TurnContext } from 'botbuilder';
import pino from 'pino';
import { BotRuntime } from '../../src/runtime/botRuntime';
import { TurnJournal } from '../../src/runtime/turnJournal';
import { RedisTurnLock } from '../../src/runtime/turnLock';
import { RedisStorage } from '../../src/storage/redisStorage';
import { SnapshotBotState, storageKeysOf } from '../../src/storage/snapshotBotState';
import type { TurnBot } from '../../src/turnBot';
import { newTestRedis, uniquePrefix } from '../support/testRedis';
import { CollectingAdapter } from './collectingAdapter';

/** Appends each message to a list in conversation state, replies with the list so far, counts its runs. */
class CountingBot implements TurnBot {
  runs = 0;
  constructor(
    private readonly state: BotState,
    private readonly delayMs = 0,
  ) {}
  async run(ctx: TurnContext): Promise<void> {
    this.runs += 1;
    const list = this.state.createProperty<string[]>('list');
    const seen = (await list.get(ctx, [])) ?? [];
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    await list.set(ctx, [...seen, ctx.activity.text ?? '']);
    await ctx.sendActivity(`${seen.length + 1}:${ctx.activity.text}`);
  }
}

function makeProcess(prefix: string, options: { delayMs?: number; lockMs?: number; waitMs?: number } = {}) {
  const redis = newTestRedis();
  const storage = new RedisStorage(redis, { prefix, ttlSeconds: 600 });
  const state = new SnapshotBotState(storage, storageKeysOf(new ConversationState(storage)));
  const bot = new CountingBot(state, options.delayMs ?? 0);
  const lock = new RedisTurnLock(redis, { prefix, lockMs: options.lockMs ?? 3000, waitMs: options.waitMs ?? 20000 });
  const runtime = new BotRuntime({ bot, lock, states: [state], journal: new TurnJournal(state, storage), logger: pino({ level: 'silent' }) });
  return { redis, storage, runtime, bot, lock, adapter: new CollectingAdapter() };
}

async function listOf(storage: RedisStorage, conv: string): Promise<string[]> {
  const items = await storage.read([`test/conversations/${conv}/`]);
  return (items[`test/conversations/${conv}/`] as { list?: string[] } | undefined)?.list ?? [];
}

describe('exactly-once turns', () => {
  const prefix = uniquePrefix('exactly');
  const procs = [makeProcess(prefix), makeProcess(prefix)];
  afterAll(async () => {
    await Promise.all(procs.map((p) => p.redis.quit()));
  });

  it('answers a retried message with the replies it gave the first time, without running the turn again', async () => {
    const conv = `c-retry-${Date.now()}`;
    const [p1, p2] = procs;
    const runsBefore = p1.bot.runs + p2.bot.runs;
    await p1.runtime.handleTurn(p1.adapter.context(conv, 'hello', 'msg-1'));
    // The channel did not hear back and sends the same message again, to the other process.
    await p2.runtime.handleTurn(p2.adapter.context(conv, 'hello', 'msg-1'));
    expect(p1.bot.runs + p2.bot.runs - runsBefore).toBe(1);
    expect(p2.adapter.sent.at(-1)?.text).toBe('1:hello');
    expect(await listOf(p1.storage, conv)).toEqual(['hello']);
    // A new message (new id) is a new turn.
    await p2.runtime.handleTurn(p2.adapter.context(conv, 'hello', 'msg-2'));
    expect(await listOf(p1.storage, conv)).toEqual(['hello', 'hello']);
  });

  it('runs a retried message whose first turn was not saved (Redis failed under it), exactly once', async () => {
    const conv = `c-unsaved-${Date.now()}`;
    const dying = makeProcess(prefix);
    dying.redis.disconnect();
    await expect(dying.runtime.handleTurn(dying.adapter.context(conv, 'card lost', 'msg-1'))).rejects.toMatchObject({ status: 503 });
    const [p1] = procs;
    await p1.runtime.handleTurn(p1.adapter.context(conv, 'card lost', 'msg-1'));
    await p1.runtime.handleTurn(p1.adapter.context(conv, 'card lost', 'msg-1'));
    expect(await listOf(p1.storage, conv)).toEqual(['card lost']);
    expect(p1.adapter.sent.filter((a) => a.text === '1:card lost')).toHaveLength(2);
  });

  it("takes over a conversation whose process died holding its lock, instead of answering busy", async () => {
    const conv = `c-dead-${Date.now()}`;
    const dead = makeProcess(prefix, { lockMs: 1500 });
    let started!: () => void;
    const holding = new Promise<void>((resolve) => (started = resolve));
    let unblock!: () => void;
    const never = new Promise<void>((resolve) => (unblock = resolve));
    const stuck = dead.lock.run(`test/${conv}`, async () => {
      started();
      await never;
    });
    stuck.catch(() => undefined);
    await holding;
    dead.redis.disconnect(); // kill -9: no renewals, no release
    const heir = makeProcess(prefix, { lockMs: 1500, waitMs: 5000 });
    try {
      await heir.runtime.handleTurn(heir.adapter.context(conv, 'still there?', 'msg-1'));
      expect(heir.adapter.sent.at(-1)?.text).toBe('1:still there?');
    } finally {
      unblock();
      await heir.redis.quit();
    }
  });

  it('keeps a long turn\'s lock while it runs (its lease is renewed), so a second turn waits for it', async () => {
    const conv = `c-long-${Date.now()}`;
    const slow = makeProcess(prefix, { delayMs: 4000, lockMs: 1000 });
    const other = makeProcess(prefix, { lockMs: 1000 });
    try {
      const first = slow.runtime.handleTurn(slow.adapter.context(conv, 'first', 'm1'));
      await new Promise((r) => setTimeout(r, 100));
      await other.runtime.handleTurn(other.adapter.context(conv, 'second', 'm2'));
      await first;
      expect(await listOf(other.storage, conv)).toEqual(['first', 'second']);
    } finally {
      await Promise.all([slow.redis.quit(), other.redis.quit()]);
    }
  });

  it('keeps arrival order when a message queues behind another turn of its own process and a later one reaches another process', async () => {
    const conv = `c-localq-${Date.now()}`;
    const slow = makeProcess(prefix, { delayMs: 300 });
    const [, p2] = procs;
    try {
      const first = slow.runtime.handleTurn(slow.adapter.context(conv, 'm1', 'q1'));
      await new Promise((r) => setTimeout(r, 50));
      // m2 arrives at the same process while m1 runs; m3 arrives at the other process after it.
      const second = slow.runtime.handleTurn(slow.adapter.context(conv, 'm2', 'q2'));
      await new Promise((r) => setTimeout(r, 30));
      const third = p2.runtime.handleTurn(p2.adapter.context(conv, 'm3', 'q3'));
      await Promise.all([first, second, third]);
      expect(await listOf(p2.storage, conv)).toEqual(['m1', 'm2', 'm3']);
    } finally {
      await slow.redis.quit();
    }
  });

  it('runs two messages of one conversation sent to two processes in the order they arrived (100 of 100 pairs)', async () => {
    const conv = `c-order-${Date.now()}`;
    const busy = makeProcess(prefix, { delayMs: 10 });
    const [p1, p2] = procs;
    try {
      for (let pair = 0; pair < 100; pair++) {
        // A turn is running, so both messages wait; the first to arrive must run first.
        const running = busy.runtime.handleTurn(busy.adapter.context(conv, `busy${pair}`, `b${pair}`));
        await new Promise((r) => setTimeout(r, 2));
        const a = p1.runtime.handleTurn(p1.adapter.context(conv, `a${pair}`, `a${pair}`));
        await new Promise((r) => setTimeout(r, 3));
        const b = p2.runtime.handleTurn(p2.adapter.context(conv, `b${pair}`, `b${pair}x`));
        await Promise.all([running, a, b]);
      }
      const list = await listOf(p1.storage, conv);
      const pairsInOrder = Array.from({ length: 100 }, (_, i) => list.indexOf(`a${i}`) < list.indexOf(`b${i}`)).filter(Boolean).length;
      expect(list).toHaveLength(300);
      expect(pairsInOrder).toBe(100);
    } finally {
      await busy.redis.quit();
    }
  }, 120_000);
});
