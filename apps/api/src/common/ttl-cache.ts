/**
 * A small per-process cache of lookups the request path repeats (a provider token's directory entry, a
 * staff member's team): each entry is trusted for `ttlMs` (0: nothing is kept), and at most `maxEntries`
 * are held, the oldest dropped first, so a burst of distinct keys cannot grow memory. `get` answers a box
 * so a cached null or undefined (an unknown id) is told apart from a miss.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { readonly value: V; readonly until: number }>();

  constructor(
    private readonly options: { readonly ttlMs: number; readonly maxEntries: number },
    private readonly now: () => number = Date.now,
  ) {}

  get(key: K): { readonly value: V } | undefined {
    const hit = this.entries.get(key);
    return hit && hit.until > this.now() ? hit : undefined;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    if (this.options.ttlMs <= 0) {
      return;
    }
    if (this.entries.size >= this.options.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as K);
    }
    this.entries.set(key, { value, until: this.now() + this.options.ttlMs });
  }

  delete(key: K): void {
    this.entries.delete(key);
  }
}
