import { availableParallelism } from 'node:os';

/**
 * Threads for an offline sweep: one per core but one. NOTE: measured with `npm run bench:speed` on a
 * 2-core machine, a second thread did not pay: 18.8 s and 463 MB peak with one thread against 24.2 s
 * and 567 MB with two (each thread warms its own BPE ranks and draft caches), so the default keeps a
 * core free; `--workers` overrides it where more cores make extra threads pay. (Those two-thread runs
 * had the worker's heap capped at 160 MB, which cost it about a third more CPU than the same jobs in
 * the main thread; on a machine shared with other work a second thread still lost.)
 */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}
