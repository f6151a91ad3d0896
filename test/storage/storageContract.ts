/**
 * One contract for botbuilder's `Storage`, run against every backend (after keyv's test suite):
 * a factory per backend and capability flags for what only some backends do.
 */
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem } from 'botbuilder';

export interface StorageUnderTest {
  storage: Storage;
  /** Seconds until the key expires, or undefined when the backend has no TTL. */
  ttlOf?(key: string): Promise<number | undefined>;
  close?(): Promise<void>;
}

export function storageContract(name: string, make: () => Promise<StorageUnderTest>): void {
  describe(`Storage contract: ${name}`, () => {
    let sut: StorageUnderTest;
    const key = (label: string) => `${label}-${randomUUID()}`;

    beforeEach(async () => {
      sut = await make();
    });
    afterEach(async () => {
      await sut.close?.();
    });

    it('creates an item and reads it back with an eTag', async () => {
      const k = key('create');
      await sut.storage.write({ [k]: { count: 1, name: '张三' } });
      const items = await sut.storage.read([k]);
      expect(items[k]).toMatchObject({ count: 1, name: '张三' });
      expect(typeof items[k].eTag).toBe('string');
    });

    it('reads many keys at once and leaves missing ones out', async () => {
      const [a, b, missing] = [key('a'), key('b'), key('missing')];
      await sut.storage.write({ [a]: { v: 'a' }, [b]: { v: 'b' } });
      const items = await sut.storage.read([a, b, missing]);
      expect(Object.keys(items).sort()).toEqual([a, b].sort());
      expect(items[a].v).toBe('a');
      expect(items[b].v).toBe('b');
    });

    it('updates with the current eTag and issues a new one', async () => {
      const k = key('update');
      await sut.storage.write({ [k]: { v: 1 } });
      const first = (await sut.storage.read([k]))[k];
      await sut.storage.write({ [k]: { ...first, v: 2 } });
      const second = (await sut.storage.read([k]))[k];
      expect(second.v).toBe(2);
      expect(second.eTag).not.toBe(first.eTag);
    });

    it('rejects a stale eTag and changes nothing', async () => {
      const k = key('conflict');
      await sut.storage.write({ [k]: { v: 1 } });
      const stale = (await sut.storage.read([k]))[k];
      await sut.storage.write({ [k]: { ...stale, v: 2 } });
      await expect(sut.storage.write({ [k]: { ...stale, v: 3 } })).rejects.toThrow(/eTag|conflict/i);
      expect((await sut.storage.read([k]))[k].v).toBe(2);
    });

    it('overwrites with eTag "*" or no eTag', async () => {
      const k = key('star');
      await sut.storage.write({ [k]: { v: 1 } });
      await sut.storage.write({ [k]: { v: 2, eTag: '*' } });
      expect((await sut.storage.read([k]))[k].v).toBe(2);
      await sut.storage.write({ [k]: { v: 3 } });
      expect((await sut.storage.read([k]))[k].v).toBe(3);
    });

    it('deletes items', async () => {
      const k = key('delete');
      await sut.storage.write({ [k]: { v: 1 } });
      await sut.storage.delete([k]);
      expect(await sut.storage.read([k])).toEqual({});
    });

    it('keeps odd keys apart: spaces, slashes, Chinese characters', async () => {
      const keys = [`with space ${randomUUID()}`, `msteams/conversations/a:b/${randomUUID()}/`, `微信/用户/${randomUUID()}`];
      await sut.storage.write(Object.fromEntries(keys.map((k, i) => [k, { i }])));
      const items = await sut.storage.read(keys);
      keys.forEach((k, i) => expect(items[k].i).toBe(i));
    });

    it('stores large values intact', async () => {
      const k = key('large');
      const big: StoreItem = { text: '网银证书'.repeat(50_000), list: Array.from({ length: 2000 }, (_, i) => ({ i })) };
      await sut.storage.write({ [k]: big });
      const back = (await sut.storage.read([k]))[k];
      expect(back.text).toBe(big.text);
      expect(back.list).toHaveLength(2000);
    });

    it('sets a time-to-live when the backend supports one', async () => {
      if (!sut.ttlOf) return;
      const k = key('ttl');
      await sut.storage.write({ [k]: { v: 1 } });
      const ttl = await sut.ttlOf(k);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(3600);
    });
  });
}
