import { randomUUID } from 'node:crypto';
import type {
  Memory,
  MemoryEntry,
  MemoryEntryKind,
  MemoryOrigin,
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
  validateNewEntry,
  validateRewording,
} from './memory-validation.js';
import { checkNewEntryTexts, checkTexts, scopeTexts } from './text-hygiene.js';

/**
 * `Memory` held in process memory: for tests, the bench and single-process demos. Nothing survives a
 * restart. Retrieval is an exact scan of the scope, which is what DESIGN.md §3 asks for (one user's
 * history is small enough).
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

  async add(entry: NewMemoryEntry): Promise<MemoryEntry> {
    checkNewEntryTexts(entry);
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
      embedding: [...entry.embedding],
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
    const scored = entries
      .filter((entry) => entry.kind === options.kind)
      .map((entry) => ({ entry, similarity: dotProduct(entry.embedding, options.embedding) }));
    // NOTE: entries are in insertion order and Array.prototype.sort is stable, so ties keep the
    // earlier entry first, as the port requires.
    scored.sort((left, right) => right.similarity - left.similarity);
    return scored
      .slice(0, options.k)
      .map((neighbour) => ({ entry: copyEntry(neighbour.entry), similarity: neighbour.similarity }));
  }

  async list(options: {
    readonly scope: MemoryScope;
    readonly kind?: MemoryEntryKind;
    readonly pinned?: boolean;
    readonly origin?: MemoryOrigin;
    readonly last?: number;
  }): Promise<MemoryEntry[]> {
    checkTexts(scopeTexts(options.scope));
    validateLast(options.last);
    const matching = this.entriesOf(options.scope).filter(
      (entry) =>
        (options.kind === undefined || entry.kind === options.kind) &&
        (options.pinned === undefined || entry.pinned === options.pinned) &&
        (options.origin === undefined || entry.origin === options.origin),
    );
    const kept = options.last === undefined ? matching : matching.slice(matching.length - options.last);
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
    checkTexts({ ...scopeTexts(options.scope), id: options.id, preference: options.preference });
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
    entries.splice(index, 1);
    return true;
  }

  async forget(options: { readonly tenant: string; readonly user: string }): Promise<number> {
    checkTexts({ tenant: options.tenant, user: options.user });
    let removed = 0;
    for (const [key, { scope, entries }] of this.scopes) {
      if (scope.tenant === options.tenant && scope.user === options.user) {
        removed += entries.length;
        this.scopes.delete(key);
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

function copyEntry(entry: MemoryEntry): MemoryEntry {
  return {
    ...entry,
    scope: { ...entry.scope },
    embedding: [...entry.embedding],
    pair: entry.pair === null ? null : { ...entry.pair },
  };
}

function dotProduct(left: readonly number[], right: readonly number[]): number {
  let sum = 0;
  for (let index = 0; index < left.length; index++) {
    sum += (left[index] ?? 0) * (right[index] ?? 0);
  }
  return sum;
}
