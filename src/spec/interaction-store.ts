import type { Interaction, NewInteraction } from './interaction.js';

/** Who learns from an interaction, and until when (ISO 8601) others keep off it. */
export interface PendingLease {
  readonly owner: string;
  readonly until: string;
}

/**
 * One page of a list read in pages (keyset pagination): the items, and the cursor that reads the
 * page after them (null on the last page). A cursor is opaque to callers and stays valid while rows
 * are added or deleted: the next page starts after the last item returned.
 */
export interface Page<T> {
  readonly items: T[];
  readonly next: string | null;
}

/**
 * Durable record of drafts and edits (the service's source of truth). An edit is committed here, with
 * status `pending`, before any model call learns from it, so a model outage never loses feedback.
 * Implementations: `src/store/in-memory-interaction-store.ts` and `src/store/sql-interaction-store.ts`
 * (SQLite and PostgreSQL); all pass `src/store/interaction-store.contract.ts`.
 */
export interface InteractionStore {
  create(interaction: NewInteraction): Promise<Interaction>;
  /** Undefined when the id does not exist in this tenant (never reveals other tenants' rows). */
  get(options: { readonly tenant: string; readonly id: string }): Promise<Interaction | undefined>;
  /**
   * Atomically store the user's edit and set status `pending`. Throws NotFoundError for an unknown id
   * and ConflictError when the interaction already has an edit.
   */
  recordEdit(options: {
    readonly tenant: string;
    readonly id: string;
    readonly edited: string;
    readonly cost: number;
    /** Lease the interaction to the caller (who learns from it right away), as `claimPending` does. */
    readonly lease?: PendingLease;
  }): Promise<Interaction>;
  /**
   * Atomically lease up to `limit` due pending interactions to `lease.owner` until `lease.until` (due:
   * not leased, or its lease expired, and its `retryAt` reached), taking them round-robin across
   * tenants (each tenant's oldest edit first), so no tenant's backlog starves another's. A leased
   * interaction is never handed to another caller (another server) until its lease ends.
   */
  claimPending(options: {
    readonly limit: number;
    readonly lease: PendingLease;
    /** The clock of the caller (ISO 8601). */
    readonly now: string;
  }): Promise<Interaction[]>;
  /** Set status `learned` with the inferred preference (null when the learner inferred none). */
  markLearned(options: {
    readonly tenant: string;
    readonly id: string;
    readonly preferenceInferred: string | null;
  }): Promise<Interaction>;
  /**
   * Count a failed learning attempt and end the lease: the status stays `pending`, due again at
   * `retryAt` (absent: at once), or becomes `failed` when `retryAt` is null (attempts exhausted).
   */
  markLearnFailed(options: {
    readonly tenant: string;
    readonly id: string;
    readonly error: string;
    readonly retryAt?: string | null;
  }): Promise<Interaction>;
  /**
   * A `failed` interaction back to `pending` with its attempts reset, due at once. NotFoundError for
   * an unknown id, ConflictError when it is not `failed`.
   */
  retryFailed(options: { readonly tenant: string; readonly id: string }): Promise<Interaction>;
  /** Pending interactions of every tenant, oldest edit first (for background recovery). */
  listPending(options: { readonly limit: number }): Promise<Interaction[]>;
  /** A user's interactions, oldest first; `task` is a task key (see `taskKey`). */
  list(options: {
    readonly tenant: string;
    readonly user: string;
    readonly task?: string;
    readonly limit?: number;
  }): Promise<Interaction[]>;
  /**
   * One page of a user's interactions, oldest first: at most `limit` (an integer >= 1), after the
   * page `cursor` (a `next` of an earlier page) ended. InvalidInputError for a bad limit or cursor.
   */
  listPage(options: {
    readonly tenant: string;
    readonly user: string;
    readonly task?: string;
    readonly limit: number;
    readonly cursor?: string;
  }): Promise<Page<Interaction>>;
  /** The task keys of a user's interactions, each once, in the order of their first interaction. */
  taskKeys(options: { readonly tenant: string; readonly user: string }): Promise<string[]>;
  /** Delete every interaction of a user. Returns how many were removed. */
  forget(options: { readonly tenant: string; readonly user: string }): Promise<number>;
}
