import { randomUUID } from 'node:crypto';
import type {
  Memory,
  MemoryEntry,
  MemoryEntryKind,
  MemoryScope,
  Neighbour,
  NewMemoryEntry,
} from '../spec/index.js';
import { NotFoundError } from '../spec/index.js';
import {
  dimensionError,
  duplicateInteractionError,
  laterTimestamp,
  validateK,
  validateLast,
  validatePage,
  validateNewEntry,
  validateRewording,
} from './memory-validation.js';
import { checkTexts, cleanOptionalText, hygienicEntry, scopeTexts } from './text-hygiene.js';
import { VectorIndex } from './vector-index.js';
import { defaultVectorCacheBytes, VectorIndexCache } from './vector-index-cache.js';

/**
 * `Memory` held in process memory: for tests, the bench and single-process demos. Nothing survives a
 * restart. Retrieval is exact (DESIGN.md §3): each (scope, kind)'s vectors are held, once queried, in a
 * `VectorIndex` (float64, so similarities are exactly the sums over the entries' numbers), kept current
 * on add and delete and dropped least recently used beyond `vectorCacheBytes`.
 *
 * @example
 * const memory = new InMemoryMemory();
 * const scope = { tenant: 'acme', user: 'ada', task: 'email' };
 * await memory.add({ scope, kind: 'preference', embedding: [1, 0], preference: 'brief', ... });
 * const [best] = await memory.nearest({ scope, embedding: [1, 0], k: 1, kind: 'preference' });
 */
export class InMemoryMemory implements Memory {
  /** Entries per scope key, in insertion order. */
  private readonly scopes = new Map<
    string,
    { readonly scope: MemoryScope; readonly entries: MemoryEntry[] }
  >();
  /** One counter for every scope: strictly increasing within each scope, never reused. */
  private nextSequence = 1;
  private readonly indexes: VectorIndexCache;

  /** `vectorCacheBytes`: most bytes of vector indexes kept between queries (default 256 MiB). */
  constructor(options: { readonly vectorCacheBytes?: number } = {}) {
    this.indexes = new VectorIndexCache(options.vectorCacheBytes ?? defaultVectorCacheBytes);
  }

  async add(entry: NewMemoryEntry): Promise<MemoryEntry> {
    entry = hygienicEntry(entry);
    validateNewEntry(entry);
    const entries = this.entriesOf(entry.scope);
    const dimension = entries[0]?.embedding.length;
    if (dimension !== undefined && dimension !== entry.embedding.length) {
      throw dimensionError(entry.embedding.length, dimension);
    }
    if (entry.interactionId !== null) {
      for (const { scope, entries: others } of this.scopes.values()) {
        if (scope.tenant !== entry.scope.tenant) continue;
        if (others.some((other) => other.interactionId === entry.interactionId)) {
          throw duplicateInteractionError(entry.interactionId);
        }
      }
    }
    const now = new Date().toISOString();
    const stored: MemoryEntry = {
      id: randomUUID(),
      scope: { tenant: entry.scope.tenant, user: entry.scope.user, task: entry.scope.task },
      kind: entry.kind,
      embedding: copyVector(entry.embedding),
      contextId: entry.contextId,
      contextText: entry.contextText,
      preference: entry.preference,
      pair: entry.pair === null ? null : { original: entry.pair.original, edited: entry.pair.edited },
      origin: entry.origin,
      interactionId: entry.interactionId,
      pinned: entry.pinned ?? false,
      sequence: this.nextSequence++,
      createdAt: now,
      updatedAt: now,
    };
    entries.push(stored);
    this.scopes.set(scopeKey(entry.scope), { scope: stored.scope, entries });
    const indexKey = kindKey(stored.scope, stored.kind);
    const index = this.indexes.peek(indexKey);
    if (index !== undefined) {
      index.append(stored.sequence, stored.embedding);
      this.indexes.resized(indexKey);
    } else if (entries.findIndex((other) => other.kind === stored.kind) === entries.length - 1) {
      // NOTE: the first entry of its kind starts the index, so no query has to build it; an index
      // dropped by the budget is built again by the next query.
      const started = new VectorIndex(stored.embedding.length, { precision: 'float64' });
      started.append(stored.sequence, stored.embedding);
      this.indexes.set(indexKey, started);
    }
    return copyEntry(stored);
  }

  async nearest(options: {
    readonly scope: MemoryScope;
    readonly embedding: readonly number[];
    readonly k: number;
    readonly kind: MemoryEntryKind;
  }): Promise<Neighbour[]> {
    checkTexts(scopeTexts(options.scope));
    validateK(options.k);
    const entries = this.entriesOf(options.scope);
    const dimension = entries[0]?.embedding.length;
    if (dimension !== undefined && dimension !== options.embedding.length) {
      throw dimensionError(options.embedding.length, dimension);
    }
    const key = kindKey(options.scope, options.kind);
    let index = this.indexes.get(key);
    if (index === undefined) {
      const ofKind = entries.filter((entry) => entry.kind === options.kind);
      if (ofKind.length === 0) return [];
      index = new VectorIndex(options.embedding.length, { precision: 'float64', capacity: ofKind.length });
      for (const entry of ofKind) index.append(entry.sequence, entry.embedding);
      this.indexes.set(key, index);
    }
    return index.search(options.embedding, options.k).flatMap(({ sequence, similarity }) => {
      const entry = entryBySequence(entries, sequence);
      return entry === undefined ? [] : [{ entry: copyEntry(entry), similarity }];
    });
  }

  async list(options: Parameters<Memory['list']>[0]): Promise<MemoryEntry[]> {
    checkTexts(scopeTexts(options.scope));
    validateLast(options.last);
    validatePage(options);
    const matching = this.entriesOf(options.scope).filter(
      (entry) =>
        (options.kind === undefined || entry.kind === options.kind) &&
        (options.pinned === undefined || entry.pinned === options.pinned) &&
        (options.origin === undefined || entry.origin === options.origin) &&
        (options.after === undefined || entry.sequence > options.after),
    );
    const kept =
      options.last !== undefined
        ? matching.slice(matching.length - options.last)
        : matching.slice(0, options.limit ?? matching.length);
    return kept.map(copyEntry);
  }

  async get(options: { readonly scope: MemoryScope; readonly id: string }): Promise<MemoryEntry | undefined> {
    checkTexts({ ...scopeTexts(options.scope), id: options.id });
    const entry = this.entriesOf(options.scope).find((candidate) => candidate.id === options.id);
    return entry === undefined ? undefined : copyEntry(entry);
  }

  async update(options: {
    readonly scope: MemoryScope;
    readonly id: string;
    readonly preference?: string;
    readonly pinned?: boolean;
  }): Promise<MemoryEntry> {
    checkTexts({ ...scopeTexts(options.scope), id: options.id });
    options = { ...options, preference: cleanOptionalText(options.preference) };
    const entries = this.entriesOf(options.scope);
    const index = entries.findIndex((candidate) => candidate.id === options.id);
    const current = entries[index];
    if (current === undefined) {
      throw new NotFoundError({ entity: 'memory entry', id: options.id });
    }
    validateRewording(current.kind, options.preference);
    const updated: MemoryEntry = {
      ...current,
      preference: options.preference ?? current.preference,
      pinned: options.pinned ?? current.pinned,
      updatedAt: laterTimestamp(current.updatedAt),
    };
    entries[index] = updated;
    return copyEntry(updated);
  }

  async delete(options: { readonly scope: MemoryScope; readonly id: string }): Promise<boolean> {
    checkTexts({ ...scopeTexts(options.scope), id: options.id });
    const entries = this.entriesOf(options.scope);
    const index = entries.findIndex((candidate) => candidate.id === options.id);
    if (index < 0) return false;
    const [removed] = entries.splice(index, 1);
    if (removed !== undefined) {
      const indexKey = kindKey(options.scope, removed.kind);
      this.indexes.peek(indexKey)?.remove(removed.sequence);
      this.indexes.resized(indexKey);
    }
    return true;
  }

  async forget(options: { readonly tenant: string; readonly user: string }): Promise<number> {
    checkTexts({ tenant: options.tenant, user: options.user });
    let removed = 0;
    for (const [key, { scope, entries }] of this.scopes) {
      if (scope.tenant === options.tenant && scope.user === options.user) {
        removed += entries.length;
        this.scopes.delete(key);
        for (const kind of ['preference', 'pair'] as const) this.indexes.delete(kindKey(scope, kind));
      }
    }
    return removed;
  }

  /** The scope's live array of entries (a fresh empty one when the scope holds nothing yet). */
  private entriesOf(scope: MemoryScope): MemoryEntry[] {
    return this.scopes.get(scopeKey(scope))?.entries ?? [];
  }
}

function scopeKey(scope: MemoryScope): string {
  return JSON.stringify([scope.tenant, scope.user, scope.task]);
}

function kindKey(scope: MemoryScope, kind: MemoryEntryKind): string {
  return JSON.stringify([scope.tenant, scope.user, scope.task, kind]);
}

/** The entry of `sequence` in a scope's entries (in sequence order), by binary search. */
function entryBySequence(entries: readonly MemoryEntry[], sequence: number): MemoryEntry | undefined {
  let low = 0;
  let high = entries.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const entry = entries[middle]!;
    if (entry.sequence === sequence) return entry;
    if (entry.sequence < sequence) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

function copyEntry(entry: MemoryEntry): MemoryEntry {
  return {
    ...entry,
    scope: { ...entry.scope },
    embedding: copyVector(entry.embedding),
    pair: entry.pair === null ? null : { ...entry.pair },
  };
}

/** A copy of a vector as a plain array (NOTE: `slice` copies an array of numbers several times faster than a spread). */
function copyVector(values: readonly number[]): number[] {
  return Array.isArray(values) ? values.slice() : Array.from(values);
}
