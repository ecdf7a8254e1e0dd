/**
 * Speed of the full offline sweep (2 tasks × 9 learners × 3 seeds × 200 rounds): wall time, rounds per
 * second and peak memory, then where the time of one round goes (one job per learner, in process, with
 * each part of the world timed). Prints figures; asserts nothing (machines are shared and noisy). The
 * last line is JSON: the sweep's wall and CPU seconds (CPU: every thread of this process, which other
 * processes on a shared machine disturb less than wall time), rounds, peak RSS and the load average.
 *
 *   npm run bench:speed [-- --workers N] [--skip-profile]
 */
import { loadavg, tmpdir } from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultLearnerNames } from '../src/core/index.js';
import type { BenchWorld } from '../src/bench/bench-world.js';
import { createWorld } from '../src/bench/create-world.js';
import { defaultWorkers } from '../src/bench/default-workers.js';
import { runBench } from '../src/bench/run-bench.js';
import { runJob } from '../src/bench/run-job.js';

const workersFlag = process.argv.indexOf('--workers');
const workers = workersFlag > 0 ? Number(process.argv[workersFlag + 1]) : defaultWorkers();

/** The sweep's figures (the JSON line). */
interface SweepFigures {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly rounds: number;
  readonly roundsPerSecond: number;
  readonly peakRssMiB: number;
  readonly workers: number;
  readonly loadAverage: number;
}

async function sweep(): Promise<SweepFigures> {
  const outDir = await mkdtemp(join(tmpdir(), 'tailor-speed-'));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  let rounds = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await runBench(
    {
      tasks: ['summarization', 'email'],
      learners: defaultLearnerNames,
      rounds: 200,
      seeds: [0, 1, 2],
      preferences: 'prelude',
      corpus: 'builtin',
      writer: 'sim',
      reviewer: 'sim',
      embedder: 'lexical',
      cacheFile: null,
      outDir,
      resume: false,
      workers,
      concurrency: 1,
      binSize: 20,
      prices: null,
      fixedPreference: null,
    },
    { progress: { jobQueued() {}, roundDone: () => void (rounds += 1), jobDone() {} } },
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  clearInterval(sampler);
  await rm(outDir, { recursive: true, force: true });
  console.log(
    `full offline sweep: ${rounds} rounds in ${seconds.toFixed(1)} s with ${workers} worker thread(s)`,
  );
  console.log(
    `  ${(rounds / seconds).toFixed(0)} rounds/s, ${cpuSeconds.toFixed(1)} s of CPU, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB (all threads)`,
  );
  return {
    seconds,
    cpuSeconds,
    rounds,
    roundsPerSecond: rounds / seconds,
    peakRssMiB: peakRss / 2 ** 20,
    workers,
    loadAverage: loadavg()[0]!,
  };
}

/** Wrap every async method of an object so the time spent in it is added to `totals[label]`. */
function timed<T extends object>(target: T, prefix: string, totals: Map<string, number>): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const label = `${prefix}.${String(property)}`;
      return async (...args: unknown[]) => {
        const begin = performance.now();
        try {
          return await (value as (...values: unknown[]) => Promise<unknown>).apply(object, args);
        } finally {
          totals.set(label, (totals.get(label) ?? 0) + performance.now() - begin);
        }
      };
    },
  });
}

async function profile(): Promise<void> {
  const totals = new Map<string, number>();
  let all = 0;
  for (const task of ['summarization', 'email'] as const) {
    const base = await createWorld(
      {
        task,
        preferences: 'prelude',
        corpus: 'builtin',
        writer: 'sim',
        reviewer: 'sim',
        embedder: 'lexical',
        cacheFile: null,
        fixedPreference: null,
      },
      0,
    );
    const world: BenchWorld = {
      ...base,
      writer: timed(base.writer, 'writer', totals),
      reviewer: timed(base.reviewer, 'simulated user', totals),
      embedder: timed(base.embedder, 'embedder', totals),
    };
    for (const learner of defaultLearnerNames) {
      const begin = performance.now();
      await runJob({ job: { task: { kind: task }, learner, seed: 0, rounds: 200, binSize: 20 }, world });
      all += performance.now() - begin;
    }
  }
  const parts = [...totals.entries()].sort((left, right) => right[1] - left[1]);
  const accounted = parts.reduce((sum, [, milliseconds]) => sum + milliseconds, 0);
  console.log(
    `\nwhere the time goes (seed 0, both tasks, every learner, one thread, caches warm from the sweep: ${(all / 1000).toFixed(1)} s)`,
  );
  for (const [label, milliseconds] of parts) {
    console.log(
      `  ${label.padEnd(36)} ${(milliseconds / 1000).toFixed(2).padStart(7)} s  ${((100 * milliseconds) / all).toFixed(0).padStart(3)}%`,
    );
  }
  console.log(
    `  ${'loop (edit distance, memory, k-NN)'.padEnd(36)} ${((all - accounted) / 1000).toFixed(2).padStart(7)} s  ${((100 * (all - accounted)) / all).toFixed(0).padStart(3)}%`,
  );
}

const figures = await sweep();
if (!process.argv.includes('--skip-profile')) await profile();
console.log(JSON.stringify({ sweep: figures }));
