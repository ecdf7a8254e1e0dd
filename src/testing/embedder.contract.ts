import { describe, expect, it } from 'vitest';
import { InvalidInputError, type Embedder } from '../spec/index.js';

/** Texts of different lengths and scripts that every embedder must handle. */
const sampleTexts = [
  'Summarise the article in three bullet points.',
  'The cat sat on the mat.',
  'Quarterly revenue grew 12% while operating costs fell.',
  "Don't forget: the meeting moved to Thursday, 10:30!",
  'Émile a écrit une lettre à sa sœur. 🙂',
  'one',
];

function norm(vector: readonly number[]): number {
  return Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to reject, but it resolved');
}

/**
 * The behaviour every `Embedder` implementation promises, as one vitest suite. Call it from the
 * implementation's test file with a factory for a fresh, ready instance (it may start fake servers):
 *
 * - each vector has norm 1 (± 1e-6), and all vectors share one dimension;
 * - a batch returns one vector per value, in order, equal to embedding each value alone;
 * - the same input always gives the same vectors (also from a second instance);
 * - `values: []` returns `embeddings: []`;
 * - an empty or whitespace-only value is rejected with `InvalidInputError` whose `field` is
 *   `values[<index>]`;
 * - an already-aborted `abortSignal` rejects.
 *
 * @example
 * describeEmbedderContract('lexical embedder', () => createLexicalEmbedder());
 */
export function describeEmbedderContract(name: string, create: () => Promise<Embedder> | Embedder): void {
  describe(`Embedder contract: ${name}`, () => {
    it('names its provider and model', async () => {
      const embedder = await create();
      expect(embedder.provider).toMatch(/\S/u);
      expect(embedder.modelId).toMatch(/\S/u);
    });

    it('returns unit-length vectors of one dimension, one per value', async () => {
      const { embeddings, usage } = await (await create()).embed({ values: sampleTexts });
      expect(embeddings).toHaveLength(sampleTexts.length);
      const dimension = embeddings[0]?.length ?? 0;
      expect(dimension).toBeGreaterThan(0);
      for (const vector of embeddings) {
        expect(vector).toHaveLength(dimension);
        expect(vector.every(Number.isFinite)).toBe(true);
        expect(Math.abs(norm(vector) - 1)).toBeLessThanOrEqual(1e-6);
      }
      expect(Number.isInteger(usage.tokens) && usage.tokens >= 0).toBe(true);
    });

    it('keeps batch order and embeds a value the same alone as in a batch', async () => {
      const embedder = await create();
      const batch = await embedder.embed({ values: sampleTexts });
      const reversed = await embedder.embed({ values: [...sampleTexts].reverse() });
      for (const [index, value] of sampleTexts.entries()) {
        const alone = await embedder.embed({ values: [value] });
        expect(alone.embeddings).toHaveLength(1);
        expect(batch.embeddings[index]).toEqual(alone.embeddings[0]);
        expect(reversed.embeddings[sampleTexts.length - 1 - index]).toEqual(alone.embeddings[0]);
      }
      // Different texts get different vectors (order is observable).
      expect(batch.embeddings[0]).not.toEqual(batch.embeddings[1]);
    });

    it('is deterministic, across calls and instances', async () => {
      const first = await (await create()).embed({ values: sampleTexts });
      const second = await (await create()).embed({ values: sampleTexts });
      const again = await (await create()).embed({ values: sampleTexts });
      expect(second.embeddings).toEqual(first.embeddings);
      expect(again.embeddings).toEqual(first.embeddings);
    });

    it('returns an empty list for no values', async () => {
      const { embeddings } = await (await create()).embed({ values: [] });
      expect(embeddings).toEqual([]);
    });

    it.each([
      ['an empty string', ''],
      ['a whitespace-only string', ' \n\t '],
    ])('rejects %s with InvalidInputError naming its index', async (_label, bad) => {
      const embedder = await create();
      const error = await rejection(embedder.embed({ values: ['fine text', 'another one', bad] }));
      expect(InvalidInputError.isInstance(error)).toBe(true);
      expect((error as InvalidInputError).field).toBe('values[2]');
    });

    it('rejects when the abort signal has already fired', async () => {
      const embedder = await create();
      const controller = new AbortController();
      controller.abort();
      const error = await rejection(embedder.embed({ values: sampleTexts, abortSignal: controller.signal }));
      expect(error).toBeDefined();
    });
  });
}
