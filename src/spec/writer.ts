import type { Context } from './context.js';
import type { EditPair } from './edit-pair.js';
import type { Task } from './task.js';
import type { TokenUsage } from './usage.js';

/**
 * What steers a draft: a preference text ("bullet points, brief"), or past (original, edited) pairs
 * shown as examples (the ICL-edit baseline).
 */
export type Guidance =
  | { readonly kind: 'preference'; readonly preference: string }
  | { readonly kind: 'examples'; readonly examples: readonly EditPair[] };

export interface WriterCallOptions {
  readonly task: Task;
  readonly abortSignal?: AbortSignal;
}

export interface WriterResult {
  readonly text: string;
  readonly usage: TokenUsage;
  readonly warnings?: readonly string[];
}

/**
 * The agent's language capabilities (DESIGN.md §3). Implemented by the LLM writer
 * (`src/providers/llm-writer.ts`) and the offline writer (`src/sim/offline-writer.ts`).
 */
export interface Writer {
  readonly provider: string;
  readonly modelId: string;
  /** Draft an output for the context, optionally steered by guidance. */
  generate(
    options: WriterCallOptions & { readonly context: Context; readonly guidance?: Guidance },
  ): Promise<WriterResult>;
  /** Describe, as a short phrase, the preference that one or more edits reveal. */
  inferPreference(
    options: WriterCallOptions & { readonly pairs: readonly EditPair[] },
  ): Promise<WriterResult>;
  /** Condense several preferences into one short phrase keeping the most represented ones. */
  aggregatePreferences(
    options: WriterCallOptions & { readonly preferences: readonly string[] },
  ): Promise<WriterResult>;
  /**
   * Optional: which of the preference components each text shows. `shows[t][c]` is true when text t
   * shows component c ("use bullet points": it is in bullets; "no emojis": it has none), false when it
   * does not, null when the writer cannot tell.
   */
  checkPreference?(options: WriterCallOptions & CheckPreferenceOptions): Promise<CheckPreferenceResult>;
}

export interface CheckPreferenceOptions {
  /** Short components, positive ("use bullet points") or negative ("no emojis"). */
  readonly components: readonly string[];
  readonly texts: readonly string[];
}

export interface CheckPreferenceResult {
  /** One row per text, one entry per component, in the order given. */
  readonly shows: readonly (readonly (boolean | null)[])[];
  readonly usage: TokenUsage;
  readonly warnings?: readonly string[];
}
