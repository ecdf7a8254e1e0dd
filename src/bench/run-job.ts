import {
  buildSchedule,
  createLearner,
  runRounds,
  summarizeRun,
  type RoundFailure,
  type RoundRecord,
} from '../core/index.js';
import { ModelCallError, type Context, type Task } from '../spec/index.js';
import { InMemoryMemory } from '../store/in-memory-memory.js';
import type { BenchWorld } from './bench-world.js';
import { ScheduledEmbedder } from './scheduled-embedder.js';
import type { JobOutcome } from './summarize-task.js';

/** One learner, one seed, on one task: the unit of work of a bench run. */
export interface BenchJob {
  readonly task: Task;
  readonly learner: string;
  readonly seed: number;
  readonly rounds: number;
  readonly binSize: number;
  /** From this round on, each source's latent preference is the next source's (sorted, rotating); null: none. */
  readonly drift?: number | null;
  /**
   * `--fail-fast`: a round whose model answer stays unusable after its retries ends the run (by
   * default the round is recorded as failed and the run goes on).
   */
  readonly failFast?: boolean;
}

/** True for an error that fails one round only: a model answer that stayed unusable (empty, malformed). */
export function isUnusableAnswer(error: unknown): boolean {
  return ModelCallError.isInstance(error) && error.unusable;
}

/**
 * A changed preference (`--drift R`): from round R on, each context is read by the user of the next
 * source (sources sorted by name, the last one's user taking the first one's preference), as if every
 * user had changed their mind at once. The context's text is unchanged; its `source` says whose
 * preference now applies, for the simulated user, the oracle and the accuracy metric alike.
 */
export function withDrift(
  schedule: readonly Context[],
  all: readonly Context[],
  drift: number | null,
): Context[] {
  if (drift === null) return [...schedule];
  const sources = [...new Set(all.map((context) => context.source))].sort();
  const next = (source: string) => sources[(sources.indexOf(source) + 1) % sources.length] ?? source;
  return schedule.map((context, index) =>
    index + 1 >= drift ? { ...context, source: next(context.source) } : context,
  );
}

/**
 * Play one job: a fresh memory, the seeded schedule of contexts, the protocol round by round. Returns
 * the outcome (complete unless aborted; failed rounds listed, their metrics left out) and the round
 * records.
 */
export async function runJob(options: {
  readonly job: BenchJob;
  readonly world: BenchWorld;
  readonly onRound?: (record: RoundRecord) => void | Promise<void>;
  readonly onRoundFailed?: (failure: RoundFailure) => void;
  readonly abortSignal?: AbortSignal;
}): Promise<{ outcome: JobOutcome; records: RoundRecord[] }> {
  const { job, world } = options;
  const memory = new InMemoryMemory();
  const contexts = withDrift(
    buildSchedule({ contexts: world.contexts, rounds: job.rounds, seed: job.seed }),
    world.contexts,
    job.drift ?? null,
  );
  // NOTE: with a remote embedder (the lexical one's provider is `tailor`), the run's contexts are embedded in batches before round 1 (the
  // schedule is known), and its tokens are counted apart from the agent's expense.
  const embedder =
    world.embedder.provider === 'tailor'
      ? undefined
      : new ScheduledEmbedder(
          world.embedder,
          contexts.map((context) => context.text),
        );
  const learner = createLearner(job.learner, {
    writer: world.writer,
    embedder: embedder ?? world.embedder,
    memory,
    preferenceOf: world.preferenceOf,
    fixedPreference: world.fixedPreference,
    followUps: world.followUps,
  });
  const byId = new Map(contexts.map((context) => [context.id, context]));
  const failedRounds: RoundFailure[] = [];
  const records = await runRounds({
    learner,
    reviewer: world.reviewer,
    task: job.task,
    scope: { tenant: 'bench', user: `seed-${job.seed}`, task: job.task.kind },
    contexts,
    onRound: options.onRound,
    abortSignal: options.abortSignal,
    isRoundFailure: job.failFast === true ? undefined : isUnusableAnswer,
    onRoundFailed: (failure) => {
      failedRounds.push(failure);
      options.onRoundFailed?.(failure);
    },
  });
  const summary = summarizeRun(records, {
    binSize: job.binSize,
    accuracy: {
      candidates: world.truePreferences,
      truthOf: (record) => {
        const context = byId.get(record.contextId);
        if (context === undefined)
          throw new Error(`round ${record.round}: unknown context ${record.contextId}`);
        return world.preferenceOf(context);
      },
      similarity: world.similarity,
    },
  });
  return {
    outcome: {
      learner: job.learner,
      seed: job.seed,
      summary,
      complete: records.length + failedRounds.length === job.rounds,
      warnings: records.reduce((sum, record) => sum + record.warnings.length, 0),
      failedRounds,
      ...(embedder === undefined ? {} : { embeddingTokens: embedder.tokens }),
    },
    records,
  };
}
