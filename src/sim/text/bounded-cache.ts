/**
 * A Map that forgets its oldest entry beyond `capacity`. Memoizes pure functions of texts (parsing,
 * detection, token counts) so that a benchmark re-reading the same drafts stays fast, while a
 * long-running service does not grow without bound.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): V {
    if (this.entries.size >= this.capacity && !this.entries.has(key)) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
    return value;
  }

  /** The cached value, or compute, store and return it. */
  getOrSet(key: K, compute: () => V): V {
    const found = this.entries.get(key);
    return found !== undefined ? found : this.set(key, compute());
  }
}
