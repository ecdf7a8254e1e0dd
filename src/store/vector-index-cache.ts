import type { VectorIndex } from './vector-index.js';

/** Default budget of the vector indexes one store keeps between queries. */
export const defaultVectorCacheBytes = 256 * 1024 * 1024;

/**
 * The `VectorIndex` of recently queried scopes, least recently used dropped first once their bytes
 * exceed `maxBytes` (the index just used always stays, even alone above the budget). The stores keep
 * it correct: they update or drop a scope's index when they write to it, and the SQL stores also check
 * it against the table before each query (other processes write too).
 *
 * @example
 * const cache = new VectorIndexCache(64 * 1024 * 1024);
 * cache.set(key, index);
 * cache.get(key)?.search(query, 5);
 */
export class VectorIndexCache {
  private readonly indexes = new Map<string, VectorIndex>();
  private readonly sizes = new Map<string, number>();
  private held = 0;

  constructor(readonly maxBytes = defaultVectorCacheBytes) {}

  /** The scope's index, now the most recently used; undefined when not held. */
  get(key: string): VectorIndex | undefined {
    const index = this.indexes.get(key);
    if (index === undefined) return undefined;
    // NOTE: re-inserting moves the key to the end of the Map's order: the most recently used.
    this.indexes.delete(key);
    this.indexes.set(key, index);
    return index;
  }

  /** The index without touching its recency (for writes that only keep it current). */
  peek(key: string): VectorIndex | undefined {
    return this.indexes.get(key);
  }

  /** Holds `index` for `key` as the most recently used, then drops the least recent beyond the budget. */
  set(key: string, index: VectorIndex): void {
    this.delete(key);
    this.indexes.set(key, index);
    this.sizes.set(key, index.bytes);
    this.held += index.bytes;
    this.evict(key);
  }

  /** Call after appending to or removing from a held index, so its bytes are counted again. */
  resized(key: string): void {
    const index = this.indexes.get(key);
    if (index === undefined) return;
    this.held += index.bytes - (this.sizes.get(key) ?? 0);
    this.sizes.set(key, index.bytes);
    this.evict(key);
  }

  delete(key: string): void {
    if (!this.indexes.has(key)) return;
    this.held -= this.sizes.get(key) ?? 0;
    this.indexes.delete(key);
    this.sizes.delete(key);
  }

  /** Drops every index whose key matches (e.g. all of one user's scopes on forget). */
  deleteWhere(matches: (key: string) => boolean): void {
    for (const key of [...this.indexes.keys()]) if (matches(key)) this.delete(key);
  }

  /** Bytes of the indexes held. */
  get heldBytes(): number {
    return this.held;
  }

  /** How many scopes are held. */
  get size(): number {
    return this.indexes.size;
  }

  private evict(keep: string): void {
    for (const key of [...this.indexes.keys()]) {
      if (this.held <= this.maxBytes) return;
      if (key !== keep) this.delete(key);
    }
  }
}
