/**
 * The in-process store must behave as Redis does, scripts included, so that memory mode runs every
 * feature. Each scenario below runs the same operations — the app's own stores and Lua scripts, and
 * raw commands — once against the real Redis of the test run and once against the in-process store
 * (src/redis/memory/), and the observations and the keys left behind must be identical. A new Lua
 * script is covered without writing anything: every registered script must compile on both and
 * call only commands the in-process store implements.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { ActivityLog } from '../../src/channels/webchat/activityLog';
import { RateLimiter } from '../../src/channels/webchat/rateLimiter';
import { WeChatDedupe } from '../../src/channels/wechat/wechatDedupe';
import { HandoverKeys } from '../../src/handover/handoverKeys';
import { HandoverQueue, type JoinInput } from '../../src/handover/handoverQueue';
import { FINISH, TAKE } from '../../src/handover/handoverScripts';
import { TranscriptStore } from '../../src/handover/transcriptStore';
import { LuaScript } from '../../src/redis/luaScript';
import { commandSpec } from '../../src/redis/memory/commandExecutor';
import { startMemoryRedis, type MemoryRedisServer } from '../../src/redis/memory/memoryRedisServer';
import { conversationKeys } from '../../src/runtime/conversationKeys';
import { RedisTurnLock } from '../../src/runtime/turnLock';
import { RedisStorage, stateRedisKey } from '../../src/storage/redisStorage';
import { storageContract } from '../storage/storageContract';
import { holdTurnLock } from '../support/holdTurnLock';
import { testRedisUrl, uniquePrefix } from '../support/testRedis';

let memory: MemoryRedisServer;
let real: Redis;
let mem: Redis;

beforeAll(async () => {
  memory = await startMemoryRedis();
  real = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
  mem = new Redis(memory.url, { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  await Promise.all([real.quit(), mem.quit()]);
  await memory.close();
});

/** Every key under `prefix` with its type, value and whether it has a TTL: what a scenario left. */
async function dump(redis: Redis, prefix: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const key of (await redis.keys(`${prefix}*`)).sort()) {
    const type = await redis.type(key);
    const readers: Record<string, () => Promise<unknown>> = {
      string: () => redis.get(key),
      hash: () => redis.hgetall(key),
      list: () => redis.lrange(key, 0, -1),
      set: async () => (await redis.smembers(key)).sort(),
      zset: () => redis.zrange(key, 0, -1, 'WITHSCORES'),
    };
    out[key] = { type, value: await readers[type](), expires: (await redis.ttl(key)) > 0 };
  }
  return out;
}

/** An error's code (WRONGTYPE, ERR…): wording differs between Redis versions, the code does not. */
async function settle(promise: Promise<unknown>): Promise<unknown> {
  try {
    return await promise;
  } catch (err) {
    return { error: String((err as Error).message).split(' ')[0] };
  }
}

type Scenario = (redis: Redis, prefix: string) => Promise<unknown>;

/** Runs a scenario on both backends with the same prefix; answers both observations and dumps. */
async function both(scenario: Scenario) {
  const prefix = uniquePrefix('contract');
  const [onReal, onMemory] = [await scenario(real, prefix), await scenario(mem, prefix)];
  const [realKeys, memoryKeys] = [await dump(real, prefix), await dump(mem, prefix)];
  await Promise.all([real, mem].map(async (r) => Promise.all((await r.keys(`${prefix}*`)).map((k) => r.del(k)))));
  return { onReal, onMemory, realKeys, memoryKeys };
}

async function expectSame(scenario: Scenario): Promise<unknown> {
  const { onReal, onMemory, realKeys, memoryKeys } = await both(scenario);
  expect(onMemory).toEqual(onReal);
  expect(memoryKeys).toEqual(realKeys);
  return onReal;
}

const customer = (member: string, urgent = false): JoinInput => ({
  member,
  reference: { conversation: { id: member, name: member, isGroup: false, conversationType: 'personal' } },
  channel: 'directline',
  script: 'zh-Hans',
  variant: 'tw',
  reason: urgent ? 'fraud' : 'asked',
  urgent,
  lastIntent: 'human',
  customerName: 'Wang',
});

describe('every Lua script in src', () => {
  function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
    });
  }
  // Loading every module that builds a script registers it (LuaScript.registered()).
  const root = join(__dirname, '../../src');
  for (const file of sourceFiles(root).filter((f) => readFileSync(f, 'utf8').includes('new LuaScript('))) require(file);
  const scripts = LuaScript.registered();

  it('finds the scripts', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(15);
  });

  it('compiles each script on both stores, and each calls only commands the in-process store has', async () => {
    for (const script of scripts) {
      await expect(real.script('LOAD', script.body)).resolves.toBe(script.sha);
      await expect(mem.script('LOAD', script.body)).resolves.toBe(script.sha);
      const called = [...script.body.matchAll(/redis\.p?call\(\s*['"](\w+)['"]/g)].map((m) => m[1]);
      expect(called.filter((name) => !commandSpec(name))).toEqual([]);
    }
  });
});

describe('Lua values and errors cross the boundary as on Redis', () => {
  const cases: Array<[string, string[], Array<string | number>]> = [
    ['local t = {} t[1] = "a" t[2] = "b" return t', [], []],
    ['return {1, false, "x", nil, "after nil"}', [], []],
    ['return {1, {2, {"deep"}}, 3.9, -3.9}', [], []],
    ['return redis.call("GET", KEYS[1])', ['nokey'], []],
    ['return redis.call("GET", KEYS[1]) == false', ['nokey'], []],
    ['return redis.call("SET", KEYS[1], ARGV[1])', ['k'], ['v']],
    ['return redis.status_reply("FINE")', [], []],
    ['return redis.error_reply("MYERR broken")', [], []],
    ['return redis.pcall("INCR", KEYS[1])', ['k'], []],
    ['local r = redis.pcall("INCR", KEYS[1]) return type(r) == "table" and r.err ~= nil', ['k'], []],
    ['redis.call("INCR", KEYS[1]) return "unreached"', ['k'], []],
    ['redis.call("RPUSH", KEYS[1], unpack(ARGV)) return redis.call("LRANGE", KEYS[1], 0, -1)', ['l'], ['a', 'b', 'c']],
    ['return redis.call("ZADD", KEYS[1], tonumber(ARGV[1]) - 60000, "m")', ['z'], [1764511735123]],
    ['return redis.call("ZSCORE", KEYS[1], "m")', ['z'], []],
    ['return redis.call("HSET", KEYS[1], "n", 7) + 1', ['h'], []],
    ['return tonumber(redis.call("HGET", KEYS[1], "n")) * 2', ['h'], []],
    ['return cjson.decode(cjson.encode({a = {1, 2}, b = "x"})).a[2]', [], []],
    ['return #ARGV .. ":" .. #KEYS', ['a', 'b'], ['x']],
    ['return nosuchglobal.field', [], []],
  ];
  it.each(cases)('%s', async (body, keys, args) => {
    await expectSame(async (redis, prefix) =>
      settle(redis.eval(body, keys.length, ...keys.map((k) => `${prefix}${k}`), ...args)),
    );
  });
});

describe('commands the app sends directly answer as on Redis', () => {
  it('strings, counters, expiry and conditional sets', async () => {
    await expectSame(async (r, p) => [
      await r.set(`${p}a`, '1', 'PX', 60000, 'NX'),
      await r.set(`${p}a`, '2', 'PX', 60000, 'NX'),
      await r.set(`${p}b`, 'x', 'XX'),
      await r.incr(`${p}n`),
      await r.incrby(`${p}n`, 41),
      await settle(r.incr(`${p}a`)),
      (await r.pttl(`${p}a`)) > 0,
      await r.ttl(`${p}n`),
      await r.ttl(`${p}missing`),
      await r.exists(`${p}a`, `${p}n`, `${p}missing`),
      await r.expire(`${p}n`, 100),
      await r.del(`${p}a`, `${p}missing`),
      await r.type(`${p}n`),
    ]);
  });

  it('hashes, sets, lists and sorted sets, and WRONGTYPE', async () => {
    await expectSame(async (r, p) => [
      await r.hset(`${p}h`, { a: '1', b: '2' }),
      await r.hset(`${p}h`, 'a', '3', 'c', '4'),
      await r.hincrby(`${p}h`, 'b', 5),
      await r.hgetall(`${p}h`),
      await r.sadd(`${p}s`, 'x', 'y', 'x'),
      await r.srem(`${p}s`, 'x', 'nope'),
      await r.smembers(`${p}s`),
      await r.lpush(`${p}l`, 'a', 'b'),
      await r.rpush(`${p}l`, 'c', 'd', 'e'),
      await r.ltrim(`${p}l`, -4, -1),
      await r.lrange(`${p}l`, -3, -1),
      await r.zadd(`${p}z`, 5, 'e', 1, 'a', 3, 'c', 3, 'b'),
      await r.zrange(`${p}z`, 0, -1),
      await r.zrange(`${p}z`, 0, 1, 'WITHSCORES'),
      await r.zrevrange(`${p}z`, 0, 1),
      await r.zrangebyscore(`${p}z`, '(1', '+inf', 'LIMIT', 0, 2),
      await r.zrangebyscore(`${p}z`, '-inf', '(3'),
      await r.zrank(`${p}z`, 'c'),
      await r.zrank(`${p}z`, 'zz'),
      await r.zcard(`${p}z`),
      await r.zrem(`${p}z`, 'a', 'e'),
      await settle(r.hget(`${p}z`, 'x')),
      await settle(r.lpush(`${p}h`, 'x')),
      await r.multi().set(`${p}m`, '1').incr(`${p}m`).get(`${p}m`).exec(),
    ]);
  });
});

describe('commands a new store or script is likely to reach for answer as on Redis', () => {
  it('getset, getex, rename, smismember, zpopmin/zpopmax, hdel, lrem, pops and zadd flags', async () => {
    await expectSame(async (r, p) => [
      await r.set(`${p}s`, 'a'),
      await r.getset(`${p}s`, 'b'),
      await r.getex(`${p}s`, 'PX', 60000),
      (await r.pttl(`${p}s`)) > 0,
      await r.getex(`${p}s`, 'PERSIST'),
      await r.ttl(`${p}s`),
      await r.rename(`${p}s`, `${p}t`),
      await settle(r.rename(`${p}nope`, `${p}t2`)),
      await r.sadd(`${p}set`, 'a', 'b'),
      await r.smismember(`${p}set`, 'a', 'z', 'b'),
      await r.zadd(`${p}z`, 1, 'a', 2, 'b', 3, 'c', 4, 'd'),
      await r.zpopmin(`${p}z`),
      await r.zpopmax(`${p}z`, 2),
      await r.zadd(`${p}z`, 'GT', 'CH', 0, 'b', 9, 'x'),
      await r.zadd(`${p}z`, 'NX', 5, 'b'),
      await r.zadd(`${p}z`, 'XX', 'INCR', 2, 'b'),
      await r.zrange(`${p}z`, 0, -1, 'WITHSCORES'),
      await r.hset(`${p}h`, 'a', '1', 'b', '2'),
      await r.hdel(`${p}h`, 'a', 'b', 'c'),
      await r.exists(`${p}h`),
      await r.rpush(`${p}l`, 'x', 'y', 'x', 'z', 'x'),
      await r.lrem(`${p}l`, -2, 'x'),
      await r.lrange(`${p}l`, 0, -1),
      await r.lpop(`${p}l`),
      await r.rpop(`${p}l`, 5),
      await r.exists(`${p}l`),
    ]);
  });
});

describe('the app stores behave the same on both', () => {
  it('RedisStorage: write, read, stale eTag, delete', async () => {
    const { onReal, onMemory, realKeys, memoryKeys } = await both(async (redis, prefix) => {
      const storage = new RedisStorage(redis, { prefix, ttlSeconds: 600 });
      await storage.write({ a: { v: 1, name: '张三' }, b: { v: 2 } });
      const first = await storage.read(['a', 'b', 'missing']);
      await storage.write({ a: { ...first.a, v: 3 } });
      const stale = await settle(storage.write({ a: { ...first.a, v: 4 } }));
      await storage.delete(['b']);
      const after = await storage.read(['a', 'b']);
      return { keys: Object.keys(first).sort(), stale, a: after.a.v, b: after.b ?? null };
    });
    expect(onMemory).toEqual(onReal);
    expect(onReal).toMatchObject({ keys: ['a', 'b'], a: 3, b: null });
    // eTags carry the time and a per-instance id, so only their presence is compared.
    const withoutETags = (keys: Record<string, unknown>) => JSON.parse(JSON.stringify(keys).replace(/"e":"[^"]+"/g, '"e":"…"')) as unknown;
    expect(withoutETags(memoryKeys)).toEqual(withoutETags(realKeys));
  });

  it('RedisTurnLock: turns of one conversation run one after the other, a held lock makes the next wait and give up', async () => {
    const { onReal, onMemory } = await both(async (redis, prefix) => {
      const lock = new RedisTurnLock(redis, { prefix, lockMs: 5000, waitMs: 150 });
      const order: string[] = [];
      const turn = (name: string) => lock.run('conv', async () => {
        order.push(`${name} in`);
        await new Promise((r) => setImmediate(r));
        order.push(`${name} out`);
      });
      await Promise.all([turn('one'), turn('two')]);
      const released = await redis.zcard(conversationKeys(prefix, 'conv').lockQueue);
      await holdTurnLock(redis, prefix, 'conv');
      const busy = await settle(new RedisTurnLock(redis, { prefix, lockMs: 5000, waitMs: 150 }).run('conv', async () => 'ran'));
      return { order, released, busy };
    });
    expect(onMemory).toEqual(onReal);
    expect(onReal).toEqual({ order: ['one in', 'one out', 'two in', 'two out'], released: 0, busy: { error: 'RedisTurnLock.acquire():' } });
  });

  it('RedisTurnLock with a reorder window: a message sent first runs first though it reached its process second, and never beside a running turn', async () => {
    const { onReal, onMemory } = await both(async (redis, prefix) => {
      // Two instances stand in for two processes (the lock does not chain turns locally).
      const [one, two] = [0, 1].map(() => new RedisTurnLock(redis, { prefix, lockMs: 5000, waitMs: 5000, orderWindowMs: 40 }));
      const events: string[] = [];
      const turn = (lock: RedisTurnLock, name: string, sentAtUs: number, conv = 'conv') =>
        lock.run(conv, async () => {
          events.push(`${name} in`);
          await new Promise((r) => setTimeout(r, 5));
          events.push(`${name} out`);
        }, undefined, { sentAtUs });
      const now = Date.now() * 1000;
      // b was sent 0.3 ms after a but reaches its process 5 ms before a reaches the other.
      const b = turn(two, 'b', now + 300);
      await new Promise((r) => setTimeout(r, 5));
      await Promise.all([b, turn(one, 'a', now)]);
      // c runs; d, sent before c, arrives while c runs: it waits for c, it does not join it.
      const c = turn(one, 'c', Date.now() * 1000 - 100_000);
      await new Promise((r) => setTimeout(r, 1));
      await Promise.all([c, turn(two, 'd', Date.now() * 1000 - 200_000)]);
      return events;
    });
    expect(onMemory).toEqual(onReal);
    expect(onReal).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out', 'd in', 'd out']);
  });

  it('HandoverQueue and the take/finish scripts: urgent first, one take wins, expired waits become tickets', async () => {
    await expectSame(async (redis, prefix) => {
      const keys = new HandoverKeys(prefix);
      const queue = new HandoverQueue(redis, keys, { waitSeconds: 60, recordTtlSeconds: 3600 });
      const now = 1_764_511_735_000;
      const joined = [
        await queue.join(customer('directline/a'), now),
        await queue.join(customer('directline/b'), now + 1),
        await queue.join(customer('directline/c', true), now + 2),
        await queue.join(customer('directline/a'), now + 3),
      ];
      const order = (await queue.waiting()).map((w) => [w.member, w.position]);
      const member = 'directline/b';
      const take = [keys.conversation(member), keys.queue, keys.deadlines, keys.assigned('ann')];
      const takes = [await TAKE.run(redis, take, [member, 'ann', now]), await TAKE.run(redis, take, [member, 'bob', now])];
      const told = await queue.positionsToTell();
      const finished = await FINISH.run(redis, [keys.conversation(member), keys.assigned('ann')], [member, 'ann', 'bot', now + 10]);
      const left = await queue.leave('directline/c', 'bot', now);
      const expired = await queue.claimExpired(now + 61_000, now + 120_000);
      return { joined, order, takes, told, finished, left, expired, size: await queue.size(), record: await queue.record('directline/a') };
    });
  });

  it('ActivityLog, TranscriptStore, WeChatDedupe and RateLimiter', async () => {
    const { onReal, onMemory, realKeys, memoryKeys } = await both(async (redis, prefix) => {
      const log = new ActivityLog(redis, { prefix, max: 3, ttlSeconds: 600 });
      const started = [await log.start('c1'), await log.start('c1')];
      const ids = await log.append('c1', [{ type: 'message', text: 'one' }, { type: 'message', text: 'two' }]);
      await log.append('c1', [{ type: 'message', text: 'three' }, { type: 'message', text: '四' }]);
      const page = await log.read('c1', 1);
      const noLog = [await log.append('nope', [{ type: 'message', text: 'x' }]), await log.read('nope', 0)];
      const transcripts = new TranscriptStore(redis, new HandoverKeys(prefix), 600);
      await transcripts.appendAll('m', [{ from: 'customer', text: 'call 13812345678', at: 1 }, { from: 'bot', text: 'ok', at: 2 }]);
      const dedupe = new WeChatDedupe(redis, prefix);
      // A claim's token is random: compare who owns it and what the other copy saw.
      const claims = [await dedupe.claim('msg'), await dedupe.claim('msg')].map((c) => (c.owner ? 'owner' : c.record?.state));
      await dedupe.finish('msg', '<xml/>');
      const limiter = new RateLimiter(redis, `${prefix}rl:`, 2, 60_000);
      const hits = [await limiter.hit('ip'), await limiter.hit('ip'), await limiter.hit('ip')];
      return { started, ids, page, noLog, transcript: await transcripts.read('m'), claims, done: await dedupe.read('msg'), hits };
    });
    expect(onMemory).toEqual(onReal);
    // The rate limiter's members carry a time and a random part; the rest must match exactly.
    const noLimiter = (keys: Record<string, unknown>) => Object.fromEntries(Object.entries(keys).filter(([k]) => !k.includes(':rl:')));
    expect(noLimiter(memoryKeys)).toEqual(noLimiter(realKeys));
  });
});

storageContract('RedisStorage (in-process store)', async () => {
  const redis = new Redis(memory.url, { maxRetriesPerRequest: 1 });
  const prefix = uniquePrefix('storage');
  return {
    storage: new RedisStorage(redis, { prefix, ttlSeconds: 3600 }),
    ttlOf: async (key) => redis.ttl(stateRedisKey(prefix, key)),
    close: async () => {
      await redis.quit();
    },
  };
});
