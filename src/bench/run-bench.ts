import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RoundRecord } from '../core/index.js';
import type { TokenUsage } from '../spec/index.js';
import type { TaskBenchSummary } from './bench-summary.js';
import { fixedPreferenceOf, isOfflineWorld, provenanceOf, type WorldSpec } from './create-world.js';
import {
  createInProcessExecutor,
  createWorkerExecutor,
  type JobExecutor,
  type JobResult,
} from './job-executor.js';
import type { BenchTask } from './parse-flags.js';
import { unigramF1Name } from './preference-similarity.js';
import type { BenchJob } from './run-job.js';
import { summarizeTask, type JobOutcome } from './summarize-task.js';

/**
 * A validated bench run: what `tailor bench` parsed from its flags. The world's settings (corpus,
 * preferences, models, cache, protocol, feedback, the `fixed` text) are those of `WorldSpec`, for
 * every task of the run.
 */
export interface BenchPlan extends Omit<WorldSpec, 'task'> {
  readonly tasks: readonly BenchTask[];
  readonly learners: readonly string[];
  readonly rounds: number;
  readonly seeds: readonly number[];
  readonly outDir: string;
  /** Reuse the finished jobs of a previous run into the same folder. */
  readonly resume: boolean;
  /** Worker threads for the offline world (CPU-bound); LLM runs use jobs in flight instead. */
  readonly workers: number;
  /** Jobs in flight at once for LLM runs. */
  readonly concurrency: number;
  readonly binSize: number;
  /** A price table file (see `loadPriceTable`) to report the agent's cost in dollars; null for none. */
  readonly prices: string | null;
  /** `--drift R`: from round R each source's latent preference becomes the next source's; null: none. */
  readonly drift?: number | null;
  /** `--timeout`: seconds allowed for one model call (each attempt); undefined: the call policy's 60. */
  readonly timeoutSeconds?: number;
  /** `--fail-fast`: an unusable model answer ends the run instead of failing its round only. */
  readonly failFast?: boolean;
}

/** Where a run's progress goes (the CLI draws bars; tests record). */
export interface BenchProgress {
  jobQueued(key: string, rounds: number): void;
  roundDone(key: string, round: number): void;
  jobDone(key: string, outcome: JobOutcome, reused: boolean): void;
  /** A model call is retried, or a round failed: one line for people (optional). */
  notice?(line: string): void;
}

/** How a warning of a model starts (see `LanguageModelCaller`); kept here so offline runs load no AI SDK. */
const modelWarningPrefix = 'model warning';
/** Distinct model warnings printed and kept at most. */
const maxModelWarnings = 20;

/** `summarization/cipher-5/seed-0`: a job's key, also its log file's stem. */
export function jobKey(task: string, learner: string, seed: number): string {
  return `${task}/${learner}/seed-${seed}`;
}

/** The world spec of one task of a plan. */
export function worldOf(plan: BenchPlan, task: BenchTask): WorldSpec {
  return {
    task,
    preferences: plan.preferences,
    corpus: plan.corpus,
    writer: plan.writer,
    reviewer: plan.reviewer,
    embedder: plan.embedder,
    cacheFile: plan.cacheFile,
    fixedPreference: plan.fixedPreference,
    ...(plan.protocol === 'paper' ? { protocol: 'paper' as const } : {}),
    ...(plan.feedback === 'follow-ups' ? { feedback: 'follow-ups' as const } : {}),
  };
}

async function writeAtomically(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.partial`;
  await writeFile(temporary, content);
  await rename(temporary, path);
}

function logPaths(outDir: string, key: string): { records: string; outcome: string } {
  const stem = join(outDir, 'rounds', key);
  return { records: `${stem}.jsonl`, outcome: `${stem}.outcome.json` };
}

async function readFinishedOutcome(path: string, rounds: number): Promise<JobOutcome | undefined> {
  try {
    const outcome = JSON.parse(await readFile(path, 'utf8')) as JobOutcome;
    const played = outcome.summary.rounds + (outcome.failedRounds?.length ?? 0);
    return outcome.complete && played === rounds ? outcome : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Run every (task, learner, seed) job of the plan, write each job's round records (JSONL) and outcome
 * as soon as it finishes, and return one summary per task. Aborting stops every job between rounds;
 * what finished is kept and summarised (stopped jobs are listed as incomplete).
 */
export async function runBench(
  plan: BenchPlan,
  options: {
    readonly progress: BenchProgress;
    readonly abortSignal?: AbortSignal;
    /** Model warnings found before the run (`validateBenchPlan`), printed and kept like the others. */
    readonly warnings?: readonly string[];
  },
): Promise<TaskBenchSummary[]> {
  // NOTE: a job that fails (a model that stays down) stops the others at once, cancelling their calls.
  const failed = new AbortController();
  const abortSignal = options.abortSignal
    ? AbortSignal.any([options.abortSignal, failed.signal])
    : failed.signal;
  const retries = new Map<string, number>();
  // NOTE: a model's warnings repeat on every call; each distinct one is printed once and kept.
  const modelWarnings = new Set<string>();
  const warnOnce = (warning: string) => {
    if (!warning.startsWith(modelWarningPrefix) || modelWarnings.has(warning)) return;
    modelWarnings.add(warning);
    if (modelWarnings.size <= maxModelWarnings) options.progress.notice?.(warning);
  };
  options.warnings?.forEach(warnOnce);
  const jobs = plan.tasks.flatMap((task) =>
    plan.learners.flatMap((learner) =>
      plan.seeds.map((seed) => ({
        key: jobKey(task, learner, seed),
        world: worldOf(plan, task),
        job: {
          task: { kind: task },
          learner,
          seed,
          rounds: plan.rounds,
          binSize: plan.binSize,
          drift: plan.drift ?? null,
          failFast: plan.failFast ?? false,
        } satisfies BenchJob,
      })),
    ),
  );
  for (const { key } of jobs) options.progress.jobQueued(key, plan.rounds);

  const outcomes = new Map<string, JobOutcome>();
  const pending: typeof jobs = [];
  for (const entry of jobs) {
    const reused = plan.resume
      ? await readFinishedOutcome(logPaths(plan.outDir, entry.key).outcome, plan.rounds)
      : undefined;
    if (reused === undefined) pending.push(entry);
    else {
      outcomes.set(entry.key, reused);
      options.progress.jobDone(entry.key, reused, true);
    }
  }

  const offline = jobs.every((entry) => isOfflineWorld(entry.world));
  const slots = Math.max(1, Math.min(offline ? plan.workers : plan.concurrency, pending.length));
  const shared = createInProcessExecutor({
    timeoutMs: plan.timeoutSeconds === undefined ? undefined : Math.round(plan.timeoutSeconds * 1000),
    onRetry: (event, world) => {
      retries.set(world.task, (retries.get(world.task) ?? 0) + 1);
      const wait = event.delayMs > 0 ? ` in ${(event.delayMs / 1000).toFixed(1)} s` : '';
      options.progress.notice?.(`retry ${event.retry}${wait}: ${event.error.message}`);
    },
  });
  // NOTE: offline runs are CPU-bound, so each extra slot gets a worker thread; the first slot runs in
  // this thread, which is otherwise idle, saving one isolate's memory (each holds the BPE ranks).
  const executors: JobExecutor[] = Array.from({ length: slots }, (_, index) =>
    offline && index > 0 ? createWorkerExecutor() : shared,
  );

  const save = async (key: string, result: JobResult) => {
    const paths = logPaths(plan.outDir, key);
    const lines = result.records.map((record: RoundRecord) => JSON.stringify(record)).join('\n');
    await writeAtomically(paths.records, lines.length > 0 ? `${lines}\n` : '');
    await writeAtomically(paths.outcome, `${JSON.stringify(result.outcome, null, 2)}\n`);
  };

  // NOTE: offline, each thread keeps to one task's jobs while it has any (slot i takes task i mod the
  // number of tasks first, then helps with the rest): a thread's caches (drafts, detections, token
  // counts) then warm on one corpus instead of both, which is what made a second thread not pay.
  const taskOfSlot = (slot: number) => (offline ? plan.tasks[slot % plan.tasks.length] : undefined);
  const take = (slot: number) => {
    const preferred = taskOfSlot(slot);
    const index = preferred === undefined ? 0 : pending.findIndex((entry) => entry.world.task === preferred);
    return pending.splice(index < 0 ? 0 : index, 1)[0];
  };
  const work = async (executor: JobExecutor, slot: number) => {
    while (pending.length > 0 && !abortSignal.aborted) {
      const entry = take(slot);
      if (entry === undefined) break;
      let result: JobResult;
      try {
        result = await executor.run({
          job: entry.job,
          world: entry.world,
          abortSignal,
          onRound: (round) => options.progress.roundDone(entry.key, round),
          onRoundFailed: (failure) =>
            options.progress.notice?.(`${entry.key}: round ${failure.round} failed: ${failure.reason}`),
        });
      } catch (error) {
        failed.abort(error);
        throw error;
      }
      for (const record of result.records) record.warnings.forEach(warnOnce);
      await save(entry.key, result);
      outcomes.set(entry.key, result.outcome);
      options.progress.jobDone(entry.key, result.outcome, false);
    }
  };
  try {
    await Promise.all(executors.map((executor, slot) => work(executor, slot)));
  } finally {
    await Promise.all([...new Set(executors)].map((executor) => executor.close()));
  }

  let dollarsOf: ((usage: TokenUsage) => number | undefined) | undefined;
  if (plan.prices !== null) {
    const { costInDollars, loadPriceTable } = await import('../providers/index.js');
    const prices = loadPriceTable(plan.prices);
    dollarsOf = (usage) => costInDollars(prices, plan.writer, usage);
  }
  return Promise.all(
    plan.tasks.map(async (task) => {
      const world = worldOf(plan, task);
      const fixedPreference = plan.learners.includes('fixed') ? await fixedPreferenceOf(world) : undefined;
      return summarizeTask({
        task,
        rounds: plan.rounds,
        seeds: plan.seeds,
        preferences: plan.preferences,
        corpus: plan.corpus,
        binSize: plan.binSize,
        accuracySimilarity: unigramF1Name,
        provenance: provenanceOf(world),
        fixedPreference,
        drift: plan.drift ?? null,
        learners: plan.learners,
        dollarsOf,
        retries: retries.get(task) ?? 0,
        modelWarnings: [...modelWarnings].slice(0, maxModelWarnings),
        outcomes: plan.learners.flatMap((learner) =>
          plan.seeds.flatMap((seed) => {
            const outcome = outcomes.get(jobKey(task, learner, seed));
            return outcome === undefined ? [] : [outcome];
          }),
        ),
      });
    }),
  );
}
