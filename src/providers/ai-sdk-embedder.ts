import { embedMany, type EmbeddingModel } from 'ai';
import { InvalidInputError, type Embedder } from '../spec/index.js';
import { CallPolicy } from './call-policy.js';
import { modelIdentity } from './language-model-caller.js';

export interface AiSdkEmbedderOptions {
  /** Any AI SDK embedding model, e.g. `createOpenAI({ apiKey }).embedding('text-embedding-3-small')`. */
  readonly model: EmbeddingModel;
  /** Texts per HTTP request (default 64). */
  readonly batchSize?: number;
  /** Timeouts, retries and the per-provider concurrency limit (share one with the writer). */
  readonly callPolicy?: CallPolicy;
}

/** Scale a vector to unit length; the zero vector stays zero. */
export function l2Normalise(vector: readonly number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  return norm === 0 ? vector.map(() => 0) : vector.map((value) => value / norm);
}

/**
 * The Embedder port over an AI SDK embedding model: batches the texts (each batch one call under the
 * CallPolicy, AI SDK retries off), L2-normalises every vector so that dot products are cosine
 * similarities, and sums the tokens the provider reports (0 when it reports none).
 *
 * @example
 * const embedder = new AiSdkEmbedder({ model: createOpenAI({ apiKey }).embedding('text-embedding-3-small') });
 * const { embeddings } = await embedder.embed({ values: ['first text', 'second text'] });
 */
export class AiSdkEmbedder implements Embedder {
  readonly provider: string;
  readonly modelId: string;
  private readonly model: EmbeddingModel;
  private readonly batchSize: number;
  private readonly policy: CallPolicy;

  constructor(options: AiSdkEmbedderOptions) {
    this.model = options.model;
    ({ provider: this.provider, modelId: this.modelId } = modelIdentity(options.model));
    this.batchSize = options.batchSize ?? 64;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1) {
      throw new InvalidInputError({
        field: 'batchSize',
        value: options.batchSize,
        accepted: 'an integer >= 1',
      });
    }
    this.policy = options.callPolicy ?? new CallPolicy();
  }

  async embed(options: { readonly values: readonly string[]; readonly abortSignal?: AbortSignal }) {
    const batches: string[][] = [];
    for (let start = 0; start < options.values.length; start += this.batchSize) {
      batches.push(options.values.slice(start, start + this.batchSize));
    }
    const target = { provider: this.provider, modelId: this.modelId };
    const results = await Promise.all(
      batches.map((values) =>
        this.policy.run(
          target,
          (abortSignal) => embedMany({ model: this.model, values, maxRetries: 0, abortSignal }),
          {
            abortSignal: options.abortSignal,
          },
        ),
      ),
    );
    return {
      embeddings: results.flatMap((result) => result.embeddings.map(l2Normalise)),
      usage: { tokens: results.reduce((sum, result) => sum + (result.usage.tokens ?? 0), 0) },
    };
  }
}
