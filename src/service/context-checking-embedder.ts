import type { Embedder } from '../spec/index.js';
import { InvalidInputError } from '../spec/index.js';
import { UnprocessableContextError } from './unprocessable-context-error.js';

/**
 * Wraps the service's embedder so that a text the embedder refuses (it throws InvalidInputError)
 * surfaces as UnprocessableContextError naming the request field (HTTP 422), not as a bad request
 * of ours. Model failures (ModelCallError) pass through unchanged.
 *
 * @example
 * const embedder = contextCheckingEmbedder(createEmbedderFromSpec('lexical', ...));
 */
export function contextCheckingEmbedder(embedder: Embedder, field = 'context'): Embedder {
  return {
    provider: embedder.provider,
    modelId: embedder.modelId,
    async embed(options) {
      try {
        return await embedder.embed(options);
      } catch (error) {
        if (InvalidInputError.isInstance(error)) {
          throw new UnprocessableContextError({
            field,
            message: `the embedder (${embedder.provider}:${embedder.modelId}) cannot process this ${field}: ${error.message}`,
            cause: error,
          });
        }
        throw error;
      }
    },
  };
}
