import type { Embedder } from '../spec/index.js';
import { ModelCallError } from '../spec/index.js';

/**
 * Embed one text. Throws ModelCallError when the embedder answers with no vector or an empty one, so a
 * faulty embedder fails loudly rather than corrupting memory.
 */
export async function embedText(options: {
  readonly embedder: Embedder;
  readonly text: string;
  readonly abortSignal?: AbortSignal;
}): Promise<readonly number[]> {
  const result = await options.embedder.embed({ values: [options.text], abortSignal: options.abortSignal });
  const embedding = result.embeddings[0];
  if (embedding === undefined || embedding.length === 0) {
    throw new ModelCallError({
      provider: options.embedder.provider,
      modelId: options.embedder.modelId,
      message: `the embedder returned no vector for a text of ${options.text.length} characters`,
      retryable: false,
    });
  }
  return embedding;
}
