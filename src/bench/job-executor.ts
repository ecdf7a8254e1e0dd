import { Worker } from 'node:worker_threads';
import type { RoundFailure, RoundRecord } from '../core/index.js';
import type { RetryEvent } from '../providers/index.js';
import { runJob, type BenchJob } from './run-job.js';
import type { JobOutcome } from './summarize-task.js';
import { createWorld, type WorldCallOptions, type WorldSpec } from './create-world.js';
import type { BenchWorld } from './bench-world.js';

/** What running a job yields. */
export interface JobResult {
  readonly outcome: JobOutcome;
  readonly records: RoundRecord[];
}

/** Runs bench jobs one at a time, in this thread or in a worker thread. */
export interface JobExecutor {
  run(options: {
    readonly job: BenchJob;
    readonly world: WorldSpec;
    readonly onRound: (round: number) => void;
    /** Told about a round that failed (an unusable answer) and the run goes on. */
    readonly onRoundFailed?: (failure: RoundFailure) => void;
    readonly abortSignal: AbortSignal;
  }): Promise<JobResult>;
  close(): Promise<void>;
}

/**
 * Runs jobs in this thread, building (and keeping) one world per world spec and seed; `calls` says how
 * its models are called (timeout, retries told).
 */
export function createInProcessExecutor(
  calls: Omit<WorldCallOptions, 'onRetry'> & {
    readonly onRetry?: (event: RetryEvent, world: WorldSpec) => void;
  } = {},
): JobExecutor {
  const worlds = new Map<string, Promise<BenchWorld>>();
  return {
    async run({ job, world, onRound, onRoundFailed, abortSignal }) {
      const key = JSON.stringify([world, job.seed]);
      let built = worlds.get(key);
      if (built === undefined) {
        const { onRetry } = calls;
        built = createWorld(world, job.seed, {
          timeoutMs: calls.timeoutMs,
          onRetry: onRetry && ((event) => onRetry(event, world)),
        });
        worlds.set(key, built);
      }
      return runJob({
        job,
        world: await built,
        abortSignal,
        onRound: (record) => onRound(record.round),
        onRoundFailed,
      });
    },
    async close() {
      worlds.clear();
    },
  };
}

/** Messages between the bench and a worker thread. */
export type ToWorker =
  { readonly type: 'job'; readonly job: BenchJob; readonly world: WorldSpec } | { readonly type: 'abort' };
export type FromWorker =
  | { readonly type: 'round'; readonly round: number }
  | { readonly type: 'done'; readonly result: JobResult }
  | { readonly type: 'failed'; readonly message: string; readonly stack?: string };

/** A worker's eval source that registers tsx, then imports the TypeScript module at `target`. */
function tsxWorkerSource(target: string): string {
  return `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(target)}); });`;
}

/**
 * Runs jobs in a worker thread (for the CPU-bound offline world, so several cores work at once). The
 * worker is TypeScript from the sources: it is started through tsx's register API, since workers do not
 * inherit loaders; from the build it is the compiled `bench-worker.js`.
 */
export function createWorkerExecutor(): JobExecutor {
  // NOTE: a bound, not a squeeze: a worker holds the BPE ranks, the lexicons and the draft and detection
  // caches of its task, and at 160 MB it collected garbage near the cap all the time (the email jobs of
  // the sweep took 15 to 17 s of CPU in a worker against 12 in the main thread; 12.7 at 512 MB).
  const resourceLimits = { maxOldGenerationSizeMb: 512 };
  // NOTE: built (dist/*.js, an installed package) the worker is plain JavaScript and tsx is not there.
  const worker = import.meta.url.endsWith('.js')
    ? new Worker(new URL('./bench-worker.js', import.meta.url), { resourceLimits })
    : new Worker(tsxWorkerSource(new URL('./bench-worker.ts', import.meta.url).href), {
        eval: true,
        resourceLimits,
      });
  worker.unref();
  let busy = false;
  return {
    run({ job, world, onRound, abortSignal }) {
      if (busy) throw new Error('worker executor: one job at a time');
      busy = true;
      return new Promise<JobResult>((resolve, reject) => {
        const abort = () => worker.postMessage({ type: 'abort' } satisfies ToWorker);
        const finish = () => {
          busy = false;
          abortSignal.removeEventListener('abort', abort);
          worker.off('message', onMessage);
          worker.off('error', onError);
        };
        const onMessage = (message: FromWorker) => {
          if (message.type === 'round') return onRound(message.round);
          finish();
          if (message.type === 'done') resolve(message.result);
          else reject(Object.assign(new Error(message.message), { stack: message.stack }));
        };
        const onError = (error: Error) => {
          finish();
          reject(error);
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        abortSignal.addEventListener('abort', abort, { once: true });
        worker.postMessage({ type: 'job', job, world } satisfies ToWorker);
        if (abortSignal.aborted) abort();
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
