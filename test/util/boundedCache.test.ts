import { BoundedCache } from '../../src/util/boundedCache';

describe('BoundedCache', () => {
  it('builds a value once per key and hands the same one out again', () => {
    const cache = new BoundedCache<{ n: number }>(4);
    let built = 0;
    const make = () => ({ n: ++built });
    const first = cache.getOrCreate('a', make);
    expect(cache.getOrCreate('a', make)).toBe(first);
    expect(cache.getOrCreate('b', make)).not.toBe(first);
    expect(built).toBe(2);
  });

  it('never holds more than its limit: the oldest entry goes first', () => {
    const cache = new BoundedCache<string>(2);
    cache.getOrCreate('a', () => 'A1');
    cache.getOrCreate('b', () => 'B1');
    cache.getOrCreate('c', () => 'C1');
    expect(cache.size).toBe(2);
    expect(cache.getOrCreate('b', () => 'B2')).toBe('B1');
    expect(cache.getOrCreate('a', () => 'A2')).toBe('A2');
  });

  it('forgets a promise that failed, so the next caller tries again', async () => {
    const cache = new BoundedCache<Promise<string>>(2);
    await expect(cache.getOrCreate('k', () => Promise.reject(new Error('connector down')))).rejects.toThrow('connector down');
    await expect(cache.getOrCreate('k', () => Promise.resolve('ok'))).resolves.toBe('ok');
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => new BoundedCache(0)).toThrow(/maxEntries must be a positive integer, got 0/);
  });
});
