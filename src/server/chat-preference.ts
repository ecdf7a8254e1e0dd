import type { Learner } from '../core/index.js';
import { embedText, parseLearnerName, retrievePreferences } from '../core/index.js';
import { aggregatePreferences } from '../core/learners/writer-steps.js';
import type {
  Embedder,
  Memory,
  MemoryScope,
  Task,
  TokenUsage,
  UsedNeighbour,
  Writer,
} from '../spec/index.js';
import { noUsage } from '../spec/index.js';

/** The preference to steer one reply with, and what it came from. */
export interface ChatPreference {
  readonly preference: string | null;
  readonly neighbours: readonly UsedNeighbour[];
  readonly embedding: readonly number[];
  readonly usage: TokenUsage;
}

/** How many neighbours CIPHER retrieves for the proxy: the learner's K, or 5 for other learners. */
export function retrievalK(learner: Learner): number {
  try {
    const spec = parseLearnerName(learner.name);
    return spec.kind === 'cipher' ? spec.k : 5;
  } catch {
    return 5;
  }
}

/**
 * CIPHER's retrieval for a chat message (the proxy's "propose" without generation): embed the text,
 * take the preferences of the K nearest past messages plus every pinned or user-written one, and
 * aggregate them with the writer (a single one is used as it is when K is 1). No history, no
 * preference.
 */
export async function chatPreference(options: {
  readonly writer: Writer;
  readonly embedder: Embedder;
  readonly memory: Memory;
  readonly scope: MemoryScope;
  readonly task: Task;
  readonly text: string;
  readonly k: number;
  readonly abortSignal?: AbortSignal;
}): Promise<ChatPreference> {
  const { writer, embedder, memory, scope, task, k, abortSignal } = options;
  const embedding = await embedText({ embedder, text: options.text, abortSignal });
  const retrieved = await retrievePreferences({ memory, scope, embedding, k });
  const preferences = retrieved.flatMap((neighbour) =>
    neighbour.entry.preference === null ? [] : [neighbour.entry.preference],
  );
  let preference: string | null = null;
  let usage = noUsage;
  if (preferences.length === 1 && k === 1) {
    preference = preferences[0] ?? null;
  } else if (preferences.length > 0) {
    const step = await aggregatePreferences({ writer, task, preferences, abortSignal });
    preference = step.preference;
    usage = step.usage;
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
  };
}
