import { availableParallelism } from 'node:os';

/**
 * Threads for an offline sweep: one per core but one. NOTE: measured with `npm run bench:speed` on a
 * 2-core machine, a second thread saved about a fifth of the wall time but added about 150 MB (each
 * thread holds its own BPE ranks and caches), taking the sweep past its 500 MB budget; from 3 cores on,
 * extra threads pay.
 */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}
