import { TtlCache } from '../../../apps/api/src/common/ttl-cache';

describe('TtlCache', () => {
  it('keeps an entry, null included, for its TTL and drops the oldest when full', () => {
    let clock = 0;
    const cache = new TtlCache<string, string | null>({ ttlMs: 10, maxEntries: 2 }, () => clock);
    cache.set('a', null);
    cache.set('b', 'B');
    expect(cache.get('a')).toMatchObject({ value: null });
    cache.set('c', 'C'); // full: the oldest (a) goes
    expect([cache.get('a'), cache.get('b')?.value, cache.get('c')?.value]).toEqual([undefined, 'B', 'C']);
    clock = 10;
    expect(cache.get('b')).toBeUndefined();
  });

  it('keeps nothing with a TTL of 0, and forgets a deleted key', () => {
    const off = new TtlCache<string, number>({ ttlMs: 0, maxEntries: 5 });
    off.set('a', 1);
    expect(off.get('a')).toBeUndefined();
    const on = new TtlCache<string, number>({ ttlMs: 1_000, maxEntries: 5 });
    on.set('a', 1);
    on.delete('a');
    expect(on.get('a')).toBeUndefined();
  });
});
