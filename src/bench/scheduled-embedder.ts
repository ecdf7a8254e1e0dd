import type { Embedder } from '../spec/index.js';

/**
 * An Embedder for one bench run whose schedule is known in advance: the first call embeds every
 * scheduled text in one request to the inner embedder (which splits it into its own batches), and
 * later calls for those texts are answered from memory. Other texts go to the inner embedder as
 * asked. It also counts the embedding tokens the inner embedder reports (`tokens`), which the bench
 * reports apart from the agent's expense.
 *
 * @example
 * const embedder = new ScheduledEmbedder(world.embedder, schedule.map((context) => context.text));
 */
export class ScheduledEmbedder implements Embedder {
  readonly provider: string;
  readonly modelId: string;
  /** Tokens the inner embedder reported for the calls made through this one. */
  tokens = 0;
  private readonly vectors = new Map<string, readonly number[]>();
  private prefetch: Promise<void> | undefined;

  constructor(
    private readonly inner: Embedder,
    private readonly scheduled: readonly string[],
  ) {
    this.provider = inner.provider;
    this.modelId = inner.modelId;
  }

  async embed(options: { readonly values: readonly string[]; readonly abortSignal?: AbortSignal }) {
    if (options.values.length === 0) return { embeddings: [], usage: { tokens: 0 } };
    this.prefetch ??= this.embedScheduled(options.abortSignal);
    try {
      await this.prefetch;
    } catch (error) {
      this.prefetch = undefined;
      throw error;
    }
    const missing = [...new Set(options.values.filter((value) => !this.vectors.has(value)))];
    let tokens = 0;
    if (missing.length > 0) {
      const result = await this.inner.embed({ values: missing, abortSignal: options.abortSignal });
      missing.forEach((value, index) => this.vectors.set(value, result.embeddings[index] ?? []));
      tokens = result.usage.tokens;
      this.tokens += tokens;
    }
    return {
      embeddings: options.values.map((value) => this.vectors.get(value) ?? []),
      usage: { tokens },
    };
  }

  private async embedScheduled(abortSignal: AbortSignal | undefined): Promise<void> {
    const values = [...new Set(this.scheduled)].filter((value) => value.trim() !== '');
    if (values.length === 0) return;
    const result = await this.inner.embed({ values, abortSignal });
    values.forEach((value, index) => {
      const vector = result.embeddings[index];
      if (vector !== undefined) this.vectors.set(value, vector);
    });
    this.tokens += result.usage.tokens;
  }
}
