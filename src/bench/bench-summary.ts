import type { MeanStd } from '../core/index.js';

/** One learner's results on one task, aggregated over seeds. */
export interface LearnerSummary {
  readonly learner: string;
  /** Seeds whose runs completed all rounds. */
  readonly seeds: readonly number[];
  readonly cumulativeCost: MeanStd;
  /** (C − C_oracle) / (C_no-learning − C_oracle); null without both reference learners. */
  readonly regretRatio: number | null;
  /** Fraction of rounds whose used preference classifies to the true one; null for learners that never use one. */
  readonly accuracy: MeanStd | null;
  /**
   * Agent tokens (input + output) over the run; null when the provider reported no usage for some
   * call (the expense is then unknown, never a measured 0: see `callsWithoutUsage`).
   */
  readonly expenseTokens: MeanStd | null;
  /** The agent's calls, over all seeds, whose provider reported no token usage. */
  readonly callsWithoutUsage?: number;
  /** Tokens of the embedding model per run, reported apart from the expense; null when none was called. */
  readonly embeddingTokens?: MeanStd | null;
  /** Fraction of rounds the user accepted without editing. */
  readonly zeroEditRate: MeanStd;
  /** Mean cumulative cost after each round (length = rounds). */
  readonly cumulativeCurve: readonly number[];
  /** Mean zero-edit rate per bin of `binSize` rounds. */
  readonly zeroEditBins: readonly number[];
  /** Warnings over all seeds (unusable model answers handled as the paper's code does, ...). */
  readonly warnings: number;
  /**
   * Rounds over all seeds that failed (the model's answer stayed unusable after its retries): they have
   * no cost, so the cumulative cost of such a run covers fewer rounds.
   */
  readonly failedRounds?: number;
  /** Agent cost in dollars from the run's price table; null without one or without a price for the writer. */
  readonly dollars: MeanStd | null;
  /** With `--feedback follow-ups`: corrective follow-ups per conversation. */
  readonly followUpsPerConversation?: MeanStd;
}

/** Where the numbers come from: printed on every table and report. */
export interface BenchProvenance {
  /** True when the writer and reviewer are the rule-based offline world. */
  readonly offline: boolean;
  readonly writer: string;
  readonly reviewer: string;
  readonly embedder: string;
  /** `paper` when the models were called with the paper's prompts and settings (`--protocol paper`). */
  readonly protocol?: 'paper';
  /** How the offline writer errs (its miss model), when the writer is the offline one. */
  readonly imperfection?: string;
}

/** Everything a bench run produced for one task. */
export interface TaskBenchSummary {
  readonly task: string;
  readonly rounds: number;
  readonly seeds: readonly number[];
  readonly preferences: string;
  readonly corpus: string;
  readonly binSize: number;
  /** The similarity the accuracy metric classifies preferences with. */
  readonly accuracySimilarity: string;
  readonly provenance: BenchProvenance;
  /** The one text the `fixed` learner wrote every draft with, when it ran. */
  readonly fixedPreference?: string;
  /** The round from which each source's preference was the next source's (`--drift`), when set. */
  readonly drift?: number;
  readonly learners: readonly LearnerSummary[];
  /**
   * Each distinct warning of the models (a model the server does not list, a setting a model ignores,
   * no usage reported), as printed once during the run.
   */
  readonly modelWarnings?: readonly string[];
  /** Retries of model calls during this run (not counting answers replayed from the cache). */
  readonly retries?: number;
  /** Runs stopped early (Ctrl-C, failure): learner, seed and rounds done. */
  readonly incomplete: readonly {
    readonly learner: string;
    readonly seed: number;
    readonly roundsDone: number;
  }[];
}

/** A short line saying where the numbers come from. */
export function provenanceBanner(provenance: BenchProvenance): string {
  if (provenance.offline) {
    return (
      'Offline world: rule-based simulated users and writer, lexical embedder. These numbers exercise the ' +
      'protocol and the learners; they are not measurements of any LLM.'
    );
  }
  const protocol = provenance.protocol === 'paper' ? " (the paper's prompts and settings)" : '';
  return `LLM run${protocol}: writer ${provenance.writer}, simulated user ${provenance.reviewer}, embedder ${provenance.embedder}.`;
}
