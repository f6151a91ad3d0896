/**
 * `npx tsx bench/turnCost.ts`: CPU per turn of the bot itself, in-process (no HTTP, no
 * connector), with state in memory and in Redis, plus the NLU alone. It says how much of
 * `npm run bench`'s gap to the echo bot is the bot's own work. Needs Redis on 127.0.0.1:6379.
 */
import { MemoryStorage, type Storage } from 'botbuilder';
import { Redis } from 'ioredis';
import pino from 'pino';
import { CustomerServiceBot } from '../src/bot';
import { PlaceholderHandover } from '../src/handover/placeholderHandover';
import { createRecognizer } from '../src/nlu/createRecognizer';
import { BotRuntime } from '../src/runtime/botRuntime';
import { TurnJournal } from '../src/runtime/turnJournal';
import { LocalTurnLock, RedisTurnLock, type TurnLock } from '../src/runtime/turnLock';
import { redisOptions } from '../src/redis/connectRedis';
import { RedisStorage } from '../src/storage/redisStorage';
import { botStates } from '../src/storage/snapshotBotState';
import { CollectingAdapter } from '../test/runtime/collectingAdapter';

const TEXTS = ['网银证书过期了怎么办', 'my online banking certificate expired', '最近的网点在哪里', 'hello', '謝謝'];
const TURNS = 5000;

async function cpuPerTurn(storage: Storage, lock: TurnLock, recognizer: Awaited<ReturnType<typeof createRecognizer>>): Promise<number> {
  const { conversationState, userState } = botStates(storage);
  const bot = new CustomerServiceBot({ conversationState, userState, recognizer, handover: new PlaceholderHandover() });
  const runtime = new BotRuntime({ bot, lock, states: [conversationState, userState], journal: new TurnJournal(conversationState, storage instanceof RedisStorage ? storage : undefined), logger: pino({ level: 'silent' }) });
  const adapter = new CollectingAdapter();
  const run = async (n: number) => {
    let next = 0;
    const worker = async () => {
      while (next < n) {
        const i = next++;
        await runtime.handleTurn(adapter.context(`c${i % 256}`, TEXTS[i % TEXTS.length], `m${n}-${i}-${Math.random()}`));
        adapter.sent.length = 0;
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
  };
  await run(2000); // warm-up
  const before = process.cpuUsage();
  await run(TURNS);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / TURNS;
}

/** One classification, its result kept so the call cannot be optimized away. */
let sink = 0;
function recognize(recognizer: Awaited<ReturnType<typeof createRecognizer>>, text: string): void {
  sink += recognizer.recognize(text).score;
}

async function main(): Promise<void> {
  const recognizer = await createRecognizer({ cacheDir: '.cache/nlu' });
  for (let i = 0; i < 20000; i++) recognizer.recognize(TEXTS[i % TEXTS.length]); // warm-up
  // CPU time, like the per-turn figures, so the share below compares like with like: on a busy
  // machine wall time counts the time other processes had the core (measured 2-3x the CPU time).
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < 20000; i++) recognize(recognizer, TEXTS[i % TEXTS.length]);
  const cpu = process.cpuUsage(cpu0);
  const nluUs = ((performance.now() - t0) / 20000) * 1000;
  const nluCpuUs = (cpu.user + cpu.system) / 20000;
  const memoryUs = await cpuPerTurn(new MemoryStorage(), new LocalTurnLock(), recognizer);
  // The app's connection options (auto-pipelining included).
  // `--redis-url redis://…` points the bench at a Redis of its own (default: 127.0.0.1:6379).
  const urlAt = process.argv.indexOf('--redis-url');
  const redis = urlAt > 0 ? new Redis(process.argv[urlAt + 1], redisOptions()) : new Redis(redisOptions());
  await redis.connect();
  const prefix = `turncost:${Date.now()}:`;
  const redisUs = await cpuPerTurn(new RedisStorage(redis, { prefix, ttlSeconds: 600 }), new RedisTurnLock(redis, { prefix, lockMs: 5000, waitMs: 5000 }), recognizer);
  redis.disconnect();
  if (Number.isNaN(sink)) console.error('unreachable');
  console.log(
    JSON.stringify({
      nluUsPerMessage: +nluUs.toFixed(1),
      nluCpuUsPerMessage: +nluCpuUs.toFixed(1),
      botCpuUsPerTurnMemory: Math.round(memoryUs),
      botCpuUsPerTurnRedis: Math.round(redisUs),
      // Issue 12's budget: classification at most 10 % of a turn's CPU.
      nluShareOfTurnCpu: +(nluCpuUs / Math.min(memoryUs, redisUs)).toFixed(3),
    }),
  );
}

void main();
