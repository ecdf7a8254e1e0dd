import type { MemoryScope, Task, TokenUsage, UsedNeighbour } from '../../spec/index.js';
import { noUsage } from '../../spec/index.js';
import { embedText } from '../embed-text.js';
import type { LearnerParts } from '../learner.js';
import { retrievePreferences } from './retrieve-preferences.js';
import { aggregatePreferences } from './writer-steps.js';

/** The preference CIPHER steers a draft with, and what it came from. */
export interface CipherPreference {
  /** Null with an empty history: CIPHER then writes with no preference. */
  readonly preference: string | null;
  readonly neighbours: readonly UsedNeighbour[];
  /** The text's embedding, reused when learning. */
  readonly embedding: readonly number[];
  /** Agent tokens of the aggregation, if any. */
  readonly usage: TokenUsage;
  readonly warnings: readonly string[];
}

/**
 * CIPHER's retrieval step, shared by the learner and the chat proxy: embed the text, take the
 * preferences of the K nearest past contexts plus every pinned or user-written one, and aggregate them
 * with the writer. A single retrieved preference is used as it is, for any K: there is nothing to
 * aggregate, and asking the model to would only rephrase it at the cost of a call.
 *
 * @example
 * const { preference, neighbours } = await cipherPreference({ writer, embedder, memory, scope, task, text, k: 5 });
 */
export async function cipherPreference(
  options: LearnerParts & {
    readonly scope: MemoryScope;
    readonly task: Task;
    readonly text: string;
    readonly k: number;
    readonly abortSignal?: AbortSignal;
  },
): Promise<CipherPreference> {
  const { writer, embedder, memory, scope, task, k, abortSignal } = options;
  const embedding = await embedText({ embedder, text: options.text, abortSignal });
  const retrieved = await retrievePreferences({ memory, scope, embedding, k });
  const preferences = retrieved.flatMap((neighbour) =>
    neighbour.entry.preference === null ? [] : [neighbour.entry.preference],
  );
  let preference: string | null = null;
  let usage = noUsage;
  const warnings: string[] = [];
  if (preferences.length === 1) {
    preference = preferences[0] ?? null;
  } else if (preferences.length > 0) {
    const step = await aggregatePreferences({ writer, task, preferences, abortSignal });
    preference = step.preference;
    usage = step.usage;
    warnings.push(...step.warnings);
  }
  return {
    preference,
    neighbours: retrieved.map((neighbour) => ({
      entryId: neighbour.entry.id,
      contextId: neighbour.entry.contextId,
      similarity: neighbour.similarity,
      preference: neighbour.entry.preference,
    })),
    embedding,
    usage,
    warnings,
  };
}
