/** The masked transcript in real Redis: order, masking before storage, the length cap, the TTL. */
import type { Redis } from 'ioredis';
import { HandoverKeys } from '../../src/handover/handoverKeys';
import { TranscriptStore } from '../../src/handover/transcriptStore';
import { newTestRedis, uniquePrefix } from '../support/testRedis';

let redis: Redis;
let keys: HandoverKeys;
let store: TranscriptStore;

beforeEach(() => {
  redis = newTestRedis();
  keys = new HandoverKeys(uniquePrefix('transcript'));
  store = new TranscriptStore(redis, keys, 600);
});
afterEach(() => redis.quit());

describe('TranscriptStore (real Redis)', () => {
  it('keeps a turn’s entries in the order they were said, with card numbers masked before storage', async () => {
    await store.append('msteams/c1', { from: 'customer', text: '我的卡号 6222021234567890128 被盗刷了', at: 1 });
    await store.appendAll('msteams/c1', [
      { from: 'bot', text: '请立即冻结卡片。', at: 2 },
      { from: 'bot', text: '需要转人工吗？', at: 2 },
    ]);
    const entries = await store.read('msteams/c1');
    expect(entries.map((e) => [e.from, e.text])).toEqual([
      ['customer', expect.not.stringContaining('6222021234567890128')],
      ['bot', '请立即冻结卡片。'],
      ['bot', '需要转人工吗？'],
    ]);
    const raw = await redis.lrange(keys.transcript('msteams/c1'), 0, -1);
    expect(raw.join('\n')).not.toContain('6222021234567890128');
  });

  it('keeps only the most recent 500 entries and expires the list after its TTL', async () => {
    const batch = (from: number) => Array.from({ length: 100 }, (_, i) => ({ from: 'customer' as const, text: `m${from + i}`, at: from + i }));
    for (let start = 0; start < 600; start += 100) await store.appendAll('msteams/long', batch(start));
    const entries = await store.read('msteams/long');
    expect(entries).toHaveLength(500);
    expect(entries[0].text).toBe('m100');
    expect(entries.at(-1)?.text).toBe('m599');
    const ttl = await redis.ttl(keys.transcript('msteams/long'));
    expect(ttl).toBeGreaterThan(590);
    expect(ttl).toBeLessThanOrEqual(600);
  });

  it('keeps the number of entries it is configured for (TRANSCRIPT_MAX_ENTRIES)', async () => {
    const small = new TranscriptStore(redis, keys, 600, 20);
    for (let i = 0; i < 30; i++) await small.append('msteams/capped', { from: 'customer', text: `m${i}`, at: i });
    expect(await redis.llen(keys.transcript('msteams/capped'))).toBe(20);
    expect((await small.read('msteams/capped')).map((e) => e.text)).toEqual(Array.from({ length: 20 }, (_, i) => `m${i + 10}`));
  });

  it('stores nothing for an empty batch', async () => {
    expect(await store.appendAll('msteams/empty', [])).toEqual([]);
    expect(await redis.exists(keys.transcript('msteams/empty'))).toBe(0);
  });
});
