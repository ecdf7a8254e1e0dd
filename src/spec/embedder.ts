/**
 * Texts to L2-normalised vectors, so that the dot product is the cosine similarity. Implemented by the
 * lexical embedder (`src/sim/lexical-embedder.ts`) and AI SDK embedding models
 * (`src/providers/ai-sdk-embedder.ts`).
 */
export interface Embedder {
  readonly provider: string;
  readonly modelId: string;
  embed(options: { readonly values: readonly string[]; readonly abortSignal?: AbortSignal }): Promise<{
    readonly embeddings: readonly (readonly number[])[];
    readonly usage: { readonly tokens: number };
  }>;
}
