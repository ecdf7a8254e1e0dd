import { createLearner } from '../core/index.js';
import type { Embedder, Writer } from '../spec/index.js';
import { InMemoryInteractionStore } from '../store/in-memory-interaction-store.js';
import { InMemoryMemory } from '../store/in-memory-memory.js';
import { FixedVectorEmbedder, ScriptedWriter } from '../testing/index.js';
import type { TailorOptions } from './tailor.js';
import { createTailor } from './tailor.js';

/** A deterministic 16-dimension bag-of-words vector (never zero), for texts no test maps by hand. */
export function wordVector(text: string): number[] {
  const vector = new Array<number>(16).fill(0);
  vector[0] = 0.01;
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    let hash = 7;
    for (const character of word) hash = (hash * 31 + character.charCodeAt(0)) % 1_000_003;
    vector[1 + (hash % 15)]! += 1;
  }
  return vector;
}

/**
 * A writer for service tests: drafts `Draft of: <context>` (with ` [<preference>]` when steered),
 * infers `likes "<first word of the edit>"` and aggregates by joining with "; ". Records calls.
 */
export function serviceTestWriter(): ScriptedWriter {
  return new ScriptedWriter({
    generate: (options) => {
      const guidance = options.guidance?.kind === 'preference' ? ` [${options.guidance.preference}]` : '';
      return `Draft of: ${options.context.text}${guidance}`;
    },
    inferPreference: (options) => `likes "${options.pairs[0]?.edited.split(/\s+/)[0] ?? ''}"`,
    aggregatePreferences: (options) => options.preferences.join('; '),
    usage: { inputTokens: 10, outputTokens: 5 },
  });
}

/**
 * A Tailor on in-memory stores with the CIPHER-5 learner, the service test writer and the word-vector
 * embedder; any part can be replaced.
 */
export function createTestTailor(overrides: Partial<TailorOptions> & { learnerName?: string } = {}) {
  const writer: Writer = overrides.writer ?? serviceTestWriter();
  const embedder: Embedder = overrides.embedder ?? new FixedVectorEmbedder({}, { fallback: wordVector });
  const memory = overrides.memory ?? new InMemoryMemory();
  const interactions = overrides.interactions ?? new InMemoryInteractionStore();
  const learner =
    overrides.learner ?? createLearner(overrides.learnerName ?? 'cipher-5', { writer, embedder, memory });
  const tailor = createTailor({ ...overrides, writer, embedder, memory, interactions, learner });
  return { tailor, writer, embedder, memory, interactions, learner };
}
