import type { RoundRecord } from '../round-record.js';
import { type PreferenceSimilarity, preferenceAccuracy } from './accuracy.js';
import { cumulativeCostSeries, totalCost } from './cumulative-cost.js';
import { agentExpense, type Expense } from './expense.js';
import { defaultBinSize, zeroEditRate, zeroEditRateBins } from './zero-edit-rate.js';

/** The paper's metrics for one run (one learner, one seed). */
export interface RunSummary {
  readonly learner: string;
  readonly rounds: number;
  /** Sum of the rounds' costs. */
  readonly cumulativeCost: number;
  /** Cumulative cost after each round. */
  readonly cumulativeCurve: readonly number[];
  /** Fraction of rounds accepted without edit. */
  readonly zeroEditRate: number;
  /** Zero-edit rate per bin of `binSize` rounds. */
  readonly zeroEditBins: readonly number[];
  readonly binSize: number;
  readonly expense: Expense;
  /**
   * Preference accuracy (see `preferenceAccuracy`); null when not asked for, or when the learner used
   * no preference in any round (ICL-edit, no-learning), where it has no meaning.
   */
  readonly accuracy: number | null;
  /** In the chat environment: mean corrective follow-ups per conversation (absent elsewhere). */
  readonly followUpsPerConversation?: number;
}

export interface SummarizeRunOptions {
  readonly binSize?: number;
  /** Needed for accuracy: the task's true preferences, each round's true one, and a similarity. */
  readonly accuracy?: {
    readonly candidates: readonly string[];
    readonly truthOf: (record: RoundRecord) => string;
    readonly similarity: PreferenceSimilarity;
  };
}

/**
 * Every per-run metric of the bench from a run's records.
 *
 * @example
 * const summary = summarizeRun(records, {
 *   accuracy: { candidates: truePreferences, truthOf: (record) => preferenceOfSource[record.source], similarity },
 * });
 */
export function summarizeRun(records: readonly RoundRecord[], options: SummarizeRunOptions = {}): RunSummary {
  const binSize = options.binSize ?? defaultBinSize;
  const accuracyOptions = options.accuracy;
  const usedAny = records.some((record) => record.preferenceUsed !== null);
  return {
    learner: records[0]?.learner ?? '',
    rounds: records.length,
    cumulativeCost: totalCost(records),
    cumulativeCurve: cumulativeCostSeries(records),
    zeroEditRate: zeroEditRate(records),
    zeroEditBins: zeroEditRateBins(records, binSize),
    binSize,
    expense: agentExpense(records),
    ...(records.length > 0 && records.every((record) => record.followUps !== undefined)
      ? {
          followUpsPerConversation:
            records.reduce((sum, record) => sum + (record.followUps ?? 0), 0) / records.length,
        }
      : {}),
    accuracy:
      accuracyOptions === undefined || !usedAny
        ? null
        : preferenceAccuracy({
            rounds: records.map((record) => ({
              used: record.preferenceUsed,
              truth: accuracyOptions.truthOf(record),
            })),
            candidates: accuracyOptions.candidates,
            similarity: accuracyOptions.similarity,
          }),
  };
}
