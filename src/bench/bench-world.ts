import type { Context, Embedder, FollowUpClassifier, Reviewer, Writer } from '../spec/index.js';
import type { PreferenceSimilarity } from '../core/index.js';
import type { BenchProvenance } from './bench-summary.js';

/**
 * Everything one (task, seed) of a benchmark runs in: the corpus, the agent's writer and embedder, the
 * simulated user, and the truth the agent never sees (used by the oracle and the accuracy metric).
 * Built by `createOfflineWorld` (rule-based) or `createLlmWorld` (model specs).
 */
export interface BenchWorld {
  readonly contexts: readonly Context[];
  readonly writer: Writer;
  readonly reviewer: Reviewer;
  readonly embedder: Embedder;
  /** The true latent preference text of a context (its source's). */
  readonly preferenceOf: (context: Context) => string;
  /** The task's distinct true preference texts: the classes of the accuracy metric. */
  readonly truePreferences: readonly string[];
  /** The one text the `fixed` learner writes with (by default the union of the true preferences). */
  readonly fixedPreference: string;
  /** Similarity used to classify a used preference to the nearest true one. */
  readonly similarity: PreferenceSimilarity;
  /** One line naming that similarity, for reports. */
  readonly similarityName: string;
  readonly provenance: BenchProvenance;
  /** Reads chat follow-ups (the `follow-ups-K` learner): rules offline, the writer's model otherwise. */
  readonly followUps: FollowUpClassifier;
}
