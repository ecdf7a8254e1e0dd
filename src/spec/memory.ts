import type { EditPair } from './edit-pair.js';

/** Whose memory: every read and write is inside one (tenant, user, task) slice. */
export interface MemoryScope {
  readonly tenant: string;
  readonly user: string;
  /** The task key (`taskKey(task)`): `summarization`, `email`, `custom:<name>`. */
  readonly task: string;
}

/**
 * How an entry came to be:
 * - `inferred`: a writer inferred it from the user's edit;
 * - `kept`: the user accepted a draft, so the preference used for it was stored again (CIPHER);
 * - `user`: the user wrote or reworded it by hand;
 * - `observed`: an (original, edited) pair as it happened (ICL-edit, continual, explore-exploit).
 */
export type MemoryOrigin = 'inferred' | 'kept' | 'user' | 'observed' | 'follow-up';

/** What a learner stores: a preference text (CIPHER) or an edit pair (ICL-edit and the others). */
export type MemoryEntryKind = 'preference' | 'pair';

export interface NewMemoryEntry {
  readonly scope: MemoryScope;
  readonly kind: MemoryEntryKind;
  /** L2-normalised embedding of the context the entry was learned on. */
  readonly embedding: readonly number[];
  /** The context's id and text, so users can see where a preference came from. */
  readonly contextId: string | null;
  readonly contextText: string | null;
  /** Set when kind is `preference`. */
  readonly preference: string | null;
  /** Set when kind is `pair`; for a preference, the edit it was inferred from, if any. */
  readonly pair: EditPair | null;
  readonly origin: MemoryOrigin;
  /** The service interaction this came from, if any. */
  readonly interactionId: string | null;
  readonly pinned?: boolean;
}

export interface MemoryEntry extends NewMemoryEntry {
  readonly id: string;
  readonly pinned: boolean;
  /** Insertion order within the scope: strictly increasing, never reused. */
  readonly sequence: number;
  /** ISO 8601 time of insertion. */
  readonly createdAt: string;
  /** ISO 8601 time of the last update (equals createdAt until updated). */
  readonly updatedAt: string;
}

export interface Neighbour {
  readonly entry: MemoryEntry;
  /** Dot product of the two L2-normalised embeddings (cosine similarity), in [-1, 1]. */
  readonly similarity: number;
}

/**
 * Per-user, per-task store of what was learned, with exact k-nearest-neighbour retrieval inside one
 * scope (DESIGN.md §3). Implementations: `src/store/in-memory-memory.ts` and `src/store/sql-memory.ts`
 * (SQLite and PostgreSQL); all pass `src/store/memory.contract.ts`.
 */
export interface Memory {
  /**
   * Store an entry. Throws InvalidInputError when the embedding is empty, holds a non-finite number or
   * differs in dimension from the scope's stored entries, when a `preference` entry has no preference
   * text, or when a `pair` entry has no pair.
   */
  add(entry: NewMemoryEntry): Promise<MemoryEntry>;
  /**
   * The k entries of the given kind whose embeddings are most similar to `embedding`, by descending
   * similarity; ties go to the earlier entry. Fewer than k when the scope holds fewer.
   * Throws InvalidInputError when k < 1 or the embedding's dimension differs from the stored ones.
   */
  nearest(options: {
    readonly scope: MemoryScope;
    readonly embedding: readonly number[];
    readonly k: number;
    readonly kind: MemoryEntryKind;
  }): Promise<Neighbour[]>;
  /**
   * Entries of the scope in insertion order (oldest first). `kind`, `pinned` and `origin` filter;
   * `last` then keeps only the newest n of the matching entries (still oldest first). For reading in
   * pages (keyset on `sequence`): `after` keeps the entries whose sequence is greater, `limit` the
   * oldest n of those. Throws InvalidInputError when `last` or `limit` is not an integer >= 0, `after`
   * not an integer, or `last` and `limit` are both given.
   */
  list(options: {
    readonly scope: MemoryScope;
    readonly kind?: MemoryEntryKind;
    readonly pinned?: boolean;
    readonly origin?: MemoryOrigin;
    readonly last?: number;
    readonly after?: number;
    readonly limit?: number;
  }): Promise<MemoryEntry[]>;
  get(options: { readonly scope: MemoryScope; readonly id: string }): Promise<MemoryEntry | undefined>;
  /**
   * Reword or (un)pin an entry; `updatedAt` changes, `sequence` does not. Throws NotFoundError when the
   * id is not in the scope, InvalidInputError when `preference` is empty or the entry is a pair.
   */
  update(options: {
    readonly scope: MemoryScope;
    readonly id: string;
    readonly preference?: string;
    readonly pinned?: boolean;
  }): Promise<MemoryEntry>;
  /** Returns false when the id was not in the scope. */
  delete(options: { readonly scope: MemoryScope; readonly id: string }): Promise<boolean>;
  /** Delete everything of one user, across tasks. Returns the number of entries removed. */
  forget(options: { readonly tenant: string; readonly user: string }): Promise<number>;
}
