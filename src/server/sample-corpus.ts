import type { BuiltinCorpusTask } from '../sim/corpus.js';
import { loadBuiltinCorpus } from '../sim/corpus.js';

/** One built-in document or set of notes the UI offers as a starting context. */
export interface Sample {
  readonly id: string;
  readonly source: string;
  readonly text: string;
}

/** The tasks with a built-in corpus. */
export type SampleTask = BuiltinCorpusTask;

/**
 * The project's built-in corpus (`loadBuiltinCorpus`, `data/<task>/*.jsonl`) as samples, read once
 * per task and then served from memory.
 *
 * @example
 * const samples = createSampleCorpus();
 * const notes = await samples('email');
 */
export function createSampleCorpus(
  load: (task: SampleTask) => Promise<readonly Sample[]> = loadBuiltinCorpus,
): (task: SampleTask) => Promise<Sample[]> {
  const cache = new Map<SampleTask, Promise<Sample[]>>();
  return (task) => {
    let loaded = cache.get(task);
    if (loaded === undefined) {
      loaded = load(task).then((samples) =>
        samples.map((sample) => ({ id: sample.id, source: sample.source, text: sample.text })),
      );
      // NOTE: a failed read is not cached, so a corpus fixed on disk is picked up by the next call.
      loaded.catch(() => cache.delete(task));
      cache.set(task, loaded);
    }
    return loaded;
  };
}
