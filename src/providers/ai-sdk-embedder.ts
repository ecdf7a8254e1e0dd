import { embedMany, type EmbeddingModel } from 'ai';
import { InvalidInputError, type Embedder } from '../spec/index.js';
import { CallPolicy } from './call-policy.js';
import { modelIdentity } from './language-model-caller.js';
import { responseCacheKey, type ResponseCache } from './response-cache.js';

export interface AiSdkEmbedderOptions {
  /** Any AI SDK embedding model, e.g. `createOpenAI({ apiKey }).embedding('text-embedding-3-small')`. */
  readonly model: EmbeddingModel;
  /** Texts per HTTP request (default 64). */
  readonly batchSize?: number;
  /** Timeouts, retries and the per-provider concurrency limit (share one with the writer). */
  readonly callPolicy?: CallPolicy;
  /** A response cache (keyed by the whole list of values), or false (the default). */
  readonly cache?: ResponseCache | false;
  /** Identity of the model in cache keys (default `<provider>:<modelId>`); include the base URL. */
  readonly cacheNamespace?: string;
  /** How errors name this model, e.g. `embedder --embedder openai:text-embedding-3-small`. */
  readonly label?: string;
}

/** Scale a vector to unit length; the zero vector stays zero. */
export function l2Normalise(vector: readonly number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  return norm === 0 ? vector.map(() => 0) : vector.map((value) => value / norm);
}

/**
 * The Embedder port over an AI SDK embedding model: batches the texts (each batch one call under the
 * CallPolicy, AI SDK retries off), L2-normalises every vector so that dot products are cosine
 * similarities, and sums the tokens the provider reports (0 when it reports none). With a cache, a
 * repeated request is answered from it with the tokens it first cost.
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
  private readonly cache: ResponseCache | undefined;
  private readonly cacheNamespace: string;
  private readonly label: string | undefined;

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
    this.cache = options.cache || undefined;
    this.cacheNamespace = options.cacheNamespace ?? `${this.provider}:${this.modelId}`;
    this.label = options.label;
  }

  async embed(options: { readonly values: readonly string[]; readonly abortSignal?: AbortSignal }) {
    options.values.forEach((value, index) => {
      // NOTE: providers answer an empty input with a 400; say which value it was before any call.
      if (value.trim() === '') {
        throw new InvalidInputError({
          field: `values[${index}]`,
          value,
          accepted: 'a text with at least one non-space character',
        });
      }
    });
    if (options.values.length === 0) return { embeddings: [], usage: { tokens: 0 } };
    const key =
      this.cache &&
      responseCacheKey({
        namespace: this.cacheNamespace,
        system: 'embed',
        prompt: '',
        settings: { values: options.values },
      });
    const hit = key ? this.cache?.getEmbeddings(key) : undefined;
    if (hit !== undefined) return { embeddings: hit.embeddings, usage: { tokens: hit.tokens } };
    const result = await this.embedUncached(options);
    if (key)
      this.cache?.setEmbeddings(key, this.cacheNamespace, {
        embeddings: result.embeddings,
        tokens: result.usage.tokens,
      });
    return result;
  }

  private async embedUncached(options: {
    readonly values: readonly string[];
    readonly abortSignal?: AbortSignal;
  }) {
    const batches: string[][] = [];
    for (let start = 0; start < options.values.length; start += this.batchSize) {
      batches.push(options.values.slice(start, start + this.batchSize));
    }
    const target = { provider: this.provider, modelId: this.modelId, label: this.label };
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
