/**
 * Shapes of the Tailor HTTP API as the page uses them (the contract is in `src/server/`; see
 * docs/api.md). Only the fields the page reads are listed.
 */

/** A task as the API takes it: a built-in environment or a custom instruction. */
export type ApiTask = 'summarization' | 'email' | { readonly name: string; readonly instruction: string };

/** A past context retrieved for a draft, with the preference learned on it. */
export interface DraftNeighbour {
  readonly entryId: string;
  readonly contextId: string | null;
  readonly contextPreview: string | null;
  readonly similarity: number;
  readonly preference: string | null;
}

/** `POST /v1/generate` result. */
export interface Draft {
  readonly interactionId: string;
  readonly text: string;
  readonly preferenceUsed: string | null;
  readonly neighbours: readonly DraftNeighbour[];
}

/** `POST /v1/interactions/{id}/learn` result. */
export interface LearnResult {
  readonly interactionId: string;
  readonly cost: number;
  readonly accepted: boolean;
  readonly status: 'learned' | 'pending';
  readonly inferredPreference: string | null;
}

/** Where a learned preference came from (see `MemoryOrigin` in src/spec/memory.ts). */
export type PreferenceOrigin = 'inferred' | 'kept' | 'user' | 'follow-up';

/** One entry of `GET /v1/users/{user}/preferences`. */
export interface LearnedPreference {
  readonly id: string;
  /** The task key: `summarization`, `email` or `custom:<name>`. */
  readonly task: string;
  readonly preference: string;
  readonly origin: PreferenceOrigin;
  readonly pinned: boolean;
  readonly contextId: string | null;
  readonly contextPreview: string | null;
  readonly interactionId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly pair: { readonly original: string; readonly edited: string } | null;
}

/** One entry of `GET /v1/users/{user}/components`: a preference component and its evidence. */
export interface PreferenceComponent {
  readonly component: string;
  /** Learned or written entries that name it. */
  readonly mentions: number;
  /** The user's final texts that show it / do not (null: the writer cannot check). */
  readonly supporting: number | null;
  readonly contradicting: number | null;
  readonly lastSeen: string;
  readonly interactionIds: readonly string[];
}

/** One entry of `GET /v1/users/{user}/interactions` (the fields the progress chart reads). */
export interface InteractionSummary {
  readonly id: string;
  readonly createdAt: string;
  readonly cost: number | null;
  readonly status: 'awaiting-edit' | 'pending' | 'learned';
  readonly preferenceUsed: string | null;
  readonly preferenceInferred: string | null;
  readonly edited: string | null;
  readonly output: string;
}

/** One entry of `GET /v1/samples`. */
export interface Sample {
  readonly id: string;
  readonly source: string;
  readonly text: string;
}

/** `GET /healthz`: `writer` is `provider:model` (`tailor-offline:…` for the offline rule-based writer). */
export interface Health {
  readonly status: string;
  readonly learner?: string;
  readonly writer?: string;
}
