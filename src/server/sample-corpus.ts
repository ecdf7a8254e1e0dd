import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidInputError } from '../spec/index.js';

/** One built-in document or set of notes the UI offers as a starting context. */
export interface Sample {
  readonly id: string;
  readonly source: string;
  readonly text: string;
}

/** The tasks with a built-in corpus (`data/<task>/*.jsonl`). */
export const sampleTasks = ['summarization', 'email'] as const;
export type SampleTask = (typeof sampleTasks)[number];

/**
 * Reads the built-in corpus of a task from `data/<task>/*.jsonl` (one `{ id, source, text }` per line)
 * once, then serves it from memory. A missing folder yields no samples.
 *
 * @example
 * const samples = createSampleCorpus('data');
 * const emails = await samples('email');
 */
export function createSampleCorpus(dataDirectory: string): (task: SampleTask) => Promise<Sample[]> {
  const cache = new Map<SampleTask, Promise<Sample[]>>();
  return (task) => {
    if (!sampleTasks.includes(task)) {
      throw new InvalidInputError({ field: 'task', value: task, accepted: sampleTasks.join(', ') });
    }
    let loaded = cache.get(task);
    if (loaded === undefined) {
      loaded = readSamples(join(dataDirectory, task));
      cache.set(task, loaded);
    }
    return loaded;
  };
}

async function readSamples(directory: string): Promise<Sample[]> {
  let files: string[];
  try {
    files = (await readdir(directory)).filter((file) => file.endsWith('.jsonl')).sort();
  } catch {
    return [];
  }
  const samples: Sample[] = [];
  for (const file of files) {
    const text = await readFile(join(directory, file), 'utf8');
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const record = JSON.parse(line) as Partial<Sample>;
      if (typeof record.id === 'string' && typeof record.text === 'string') {
        samples.push({
          id: record.id,
          source: record.source ?? file.replace(/\.jsonl$/, ''),
          text: record.text,
        });
      }
    }
  }
  return samples;
}
