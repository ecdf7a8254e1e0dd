import type { Task } from './task.js';

/** A retrieved past context behind a draft: shown in round records and in "why this draft". */
export interface UsedNeighbour {
  readonly entryId: string;
  readonly contextId: string | null;
  readonly similarity: number;
  /** The stored preference (CIPHER) or null for an edit pair (ICL-edit). */
  readonly preference: string | null;
}

/**
 * Where learning from an interaction stands:
 * - `awaiting-edit`: drafted, the user has not answered yet;
 * - `pending`: the edit is stored, learning from it has not succeeded yet (retried later);
 * - `learned`: the learner has learned from the edit;
 * - `failed`: learning failed as many times as allowed; `lastError` says why; the edit is kept and can
 *   be retried (`InteractionStore.retryFailed`).
 */
export type LearnStatus = 'awaiting-edit' | 'pending' | 'learned' | 'failed';

export interface NewInteraction {
  /**
   * An id chosen by the caller (e.g. announced in a streaming response's header before the row is
   * written); stores generate a UUID when it is absent and throw ConflictError when it is taken.
   */
  readonly id?: string;
  readonly tenant: string;
  readonly user: string;
  readonly task: Task;
  readonly contextId: string | null;
  readonly contextText: string;
  /** L2-normalised context embedding, when the learner computed one (reused when learning). */
  readonly embedding: readonly number[] | null;
  readonly output: string;
  readonly preferenceUsed: string | null;
  readonly neighbours: readonly UsedNeighbour[];
  readonly learner: string;
}

/** One draft served to a user, and (later) their edit of it. */
export interface Interaction extends NewInteraction {
  readonly id: string;
  readonly createdAt: string;
  readonly edited: string | null;
  readonly editedAt: string | null;
  /** Word-level edit distance between output and edited (0 when accepted). */
  readonly cost: number | null;
  readonly status: LearnStatus;
  readonly preferenceInferred: string | null;
  readonly learnAttempts: number;
  readonly lastError: string | null;
}
