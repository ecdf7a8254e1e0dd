import type { Embedder } from '../spec/index.js';

export type EmbedOptions = Parameters<Embedder['embed']>[0];

/**
 * An `Embedder` test double mapping known texts to given vectors, L2-normalised on the way out, so
 * tests choose exactly which contexts are near each other. An unknown text uses `fallback` when given,
 * else throws an error naming the text. Records every call.
 *
 * @example
 * const embedder = new FixedVectorEmbedder({ 'article one': [1, 0], 'article two': [0.9, 0.1] });
 */
export class FixedVectorEmbedder implements Embedder {
  readonly provider = 'fixed';
  readonly modelId = 'fixed-vector-embedder';
  /** Options of every call, in order. */
  readonly calls: EmbedOptions[] = [];
  private readonly vectors: ReadonlyMap<string, readonly number[]>;
  private readonly fallback: ((text: string) => readonly number[]) | undefined;

  constructor(
    vectors: Readonly<Record<string, readonly number[]>> | ReadonlyMap<string, readonly number[]>,
    options: { readonly fallback?: readonly number[] | ((text: string) => readonly number[]) } = {},
  ) {
    this.vectors = vectors instanceof Map ? vectors : new Map(Object.entries(vectors));
    const fallback = options.fallback;
    this.fallback = fallback === undefined || typeof fallback === 'function' ? fallback : () => fallback;
  }

  /** Every text embedded so far, in order. */
  get embeddedTexts(): string[] {
    return this.calls.flatMap((call) => [...call.values]);
  }

  async embed(options: EmbedOptions): Promise<{ embeddings: number[][]; usage: { tokens: number } }> {
    this.calls.push(options);
    const embeddings = options.values.map((text) => {
      const vector = this.vectors.get(text) ?? this.fallback?.(text);
      if (vector === undefined) {
        throw new Error(`FixedVectorEmbedder has no vector for ${JSON.stringify(text.slice(0, 60))}`);
      }
      return normalise(vector, text);
    });
    const tokens = options.values.reduce((sum, text) => sum + text.split(/\s+/).filter(Boolean).length, 0);
    return { embeddings, usage: { tokens } };
  }
}

function normalise(vector: readonly number[], text: string): number[] {
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  if (!(norm > 0) || !Number.isFinite(norm)) {
    throw new Error(`FixedVectorEmbedder was given a zero or non-finite vector for ${JSON.stringify(text)}`);
  }
  return vector.map((value) => value / norm);
}
