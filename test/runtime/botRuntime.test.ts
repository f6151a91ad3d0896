/**
 * Several runtimes on one Redis stand in for several bot processes (each has its own connection,
 * lock and storage, exactly as a process would); the two-process HTTP test is in
 * test/platform/multiProcess.e2e.test.ts.
 */
import { ConversationState, type TurnContext } from 'botbuilder';
import pino from 'pino';
import { BotRuntime } from '../../src/runtime/botRuntime';
import { RedisTurnLock } from '../../src/runtime/turnLock';
import { RedisStorage } from '../../src/storage/redisStorage';
import type { TurnBot } from '../../src/turnBot';
import { newTestRedis, uniquePrefix } from '../support/testRedis';
import { CollectingAdapter } from './collectingAdapter';

/** Appends each message to a list in conversation state and replies with the list so far. */
class ListBot implements TurnBot {
  constructor(
    private readonly state: ConversationState,
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

function makeProcess(prefix: string, delayMs = 0) {
  const redis = newTestRedis();
  const storage = new RedisStorage(redis, { prefix, ttlSeconds: 600 });
  const state = new ConversationState(storage);
  const runtime = new BotRuntime({
    bot: new ListBot(state, delayMs),
    lock: new RedisTurnLock(redis, { prefix, lockMs: 5000, waitMs: 20000 }),
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
