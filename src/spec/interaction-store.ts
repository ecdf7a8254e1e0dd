import type { Interaction, NewInteraction } from './interaction.js';

/**
 * Durable record of drafts and edits (the service's source of truth). An edit is committed here, with
 * status `pending`, before any model call learns from it, so a model outage never loses feedback.
 * Implementations: `src/store/in-memory-interaction-store.ts`, `src/store/sqlite-*.ts`,
 * `src/store/postgres-*.ts`; all pass `src/store/interaction-store.contract.ts`.
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
  }): Promise<Interaction>;
  /** Set status `learned` with the inferred preference (null when the learner inferred none). */
  markLearned(options: {
    readonly tenant: string;
    readonly id: string;
    readonly preferenceInferred: string | null;
  }): Promise<Interaction>;
  /** Count a failed learning attempt; the status stays `pending`. */
  markLearnFailed(options: {
    readonly tenant: string;
    readonly id: string;
    readonly error: string;
  }): Promise<Interaction>;
  /** Pending interactions of every tenant, oldest edit first (for background recovery). */
  listPending(options: { readonly limit: number }): Promise<Interaction[]>;
  /** A user's interactions, oldest first; `task` is a task key (see `taskKey`). */
  list(options: {
    readonly tenant: string;
    readonly user: string;
    readonly task?: string;
    readonly limit?: number;
  }): Promise<Interaction[]>;
  /** Delete every interaction of a user. Returns how many were removed. */
  forget(options: { readonly tenant: string; readonly user: string }): Promise<number>;
}
