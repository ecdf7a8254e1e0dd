import { meanSeries, meanStd, regretRatio, type RoundFailure, type RunSummary } from '../core/index.js';
import type { TokenUsage } from '../spec/index.js';
import type { LearnerSummary, TaskBenchSummary } from './bench-summary.js';

/** One finished (or stopped) run of one learner with one seed. */
export interface JobOutcome {
  readonly learner: string;
  readonly seed: number;
  readonly summary: RunSummary;
  /** False when the run stopped before its last round (Ctrl-C or a failure). */
  readonly complete: boolean;
  /** Warnings the rounds recorded. */
  readonly warnings: number;
  /** Tokens the embedding model reported for this run (absent offline and in older runs). */
  readonly embeddingTokens?: number;
  /** Rounds with no record: the model's answer stayed unusable (absent in outcomes of older runs). */
  readonly failedRounds?: readonly RoundFailure[];
}

/** The settings of a run, copied into its summary as they were given. */
type SettingsOfRun =
  | 'task'
  | 'rounds'
  | 'seeds'
  | 'preferences'
  | 'corpus'
  | 'binSize'
  | 'accuracySimilarity'
  | 'provenance'
  | 'fixedPreference';

/**
 * Aggregate the runs of one task over seeds: mean ± sample std per learner, mean curves, and the
 * regret ratio against the oracle and no-learning of the same run (null without both). Incomplete
 * runs are listed, not averaged. Learners keep the order of `learners`.
 */
export function summarizeTask(
  options: Pick<TaskBenchSummary, SettingsOfRun> & {
    /** `--drift`, when set. */
    readonly drift?: number | null;
    readonly learners: readonly string[];
    readonly outcomes: readonly JobOutcome[];
    /** Dollars of an agent usage (from a price table); undefined when unknown. */
    readonly dollarsOf?: (usage: TokenUsage) => number | undefined;
    /** Retries of model calls during the run. */
    readonly retries?: number;
    /** Distinct model warnings of the run. */
    readonly modelWarnings?: readonly string[];
  },
): TaskBenchSummary {
  const complete = options.outcomes.filter((outcome) => outcome.complete);
  const costOf = (learner: string) => {
    const runs = complete.filter((outcome) => outcome.learner === learner);
    return runs.length === 0 ? undefined : meanStd(runs.map((run) => run.summary.cumulativeCost)).mean;
  };
  const oracleCost = costOf('oracle');
  const noLearningCost = costOf('no-learning');
  const learners: LearnerSummary[] = [];
  for (const learner of options.learners) {
    const runs = complete
      .filter((outcome) => outcome.learner === learner)
      .sort((left, right) => left.seed - right.seed);
    if (runs.length === 0) continue;
    const cumulativeCost = meanStd(runs.map((run) => run.summary.cumulativeCost));
    const callsWithoutUsage = runs.reduce(
      (sum, run) => sum + (run.summary.expense.callsWithoutUsage ?? 0),
      0,
    );
    const dollars = runs.map((run) =>
      callsWithoutUsage > 0 ? undefined : options.dollarsOf?.(run.summary.expense),
    );
    const embedded = runs.flatMap((run) => (run.embeddingTokens === undefined ? [] : [run.embeddingTokens]));
    const accuracies = runs.flatMap((run) => (run.summary.accuracy === null ? [] : [run.summary.accuracy]));
    learners.push({
      learner,
      seeds: runs.map((run) => run.seed),
      cumulativeCost,
      regretRatio:
        oracleCost === undefined || noLearningCost === undefined
          ? null
          : regretRatio({ cost: cumulativeCost.mean, oracleCost, noLearningCost }),
      accuracy: accuracies.length === 0 ? null : meanStd(accuracies),
      expenseTokens:
        callsWithoutUsage > 0 ? null : meanStd(runs.map((run) => run.summary.expense.totalTokens)),
      callsWithoutUsage,
      embeddingTokens: embedded.length === runs.length ? meanStd(embedded) : null,
      zeroEditRate: meanStd(runs.map((run) => run.summary.zeroEditRate)),
      cumulativeCurve: meanSeries(runs.map((run) => run.summary.cumulativeCurve)),
      zeroEditBins: meanSeries(runs.map((run) => run.summary.zeroEditBins)),
      warnings: runs.reduce((sum, run) => sum + run.warnings, 0),
      failedRounds: runs.reduce((sum, run) => sum + (run.failedRounds?.length ?? 0), 0),
      dollars: dollars.every((value) => value !== undefined) ? meanStd(dollars) : null,
      ...(runs.every((run) => run.summary.followUpsPerConversation !== undefined)
        ? {
            followUpsPerConversation: meanStd(runs.map((run) => run.summary.followUpsPerConversation ?? 0)),
          }
        : {}),
    });
  }
  return {
    task: options.task,
    rounds: options.rounds,
    seeds: options.seeds,
    preferences: options.preferences,
    corpus: options.corpus,
    binSize: options.binSize,
    accuracySimilarity: options.accuracySimilarity,
    provenance: options.provenance,
    ...(options.fixedPreference === undefined ? {} : { fixedPreference: options.fixedPreference }),
    ...(options.drift === undefined || options.drift === null ? {} : { drift: options.drift }),
    learners,
    ...(options.retries === undefined ? {} : { retries: options.retries }),
    ...(options.modelWarnings === undefined || options.modelWarnings.length === 0
      ? {}
      : { modelWarnings: options.modelWarnings }),
    incomplete: options.outcomes
      .filter((outcome) => !outcome.complete)
      .map((outcome) => ({
        learner: outcome.learner,
        seed: outcome.seed,
        roundsDone: outcome.summary.rounds,
      })),
  };
}
