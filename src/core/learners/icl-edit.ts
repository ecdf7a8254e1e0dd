import { noUsage } from '../../spec/index.js';
import { embedText } from '../embed-text.js';
import type { Learner, LearnerParts } from '../learner.js';
import { requirePositiveInteger } from '../require-positive-integer.js';
import { storePair } from './memory-entries.js';

/**
 * The `icl-edit-K` baseline: embed the context, retrieve the (output, user's version) pairs of the K
 * most similar past contexts and show them to the writer as examples, most similar first; with no
 * history, generate with no guidance. Learning stores (context embedding, pair) every round, accepted
 * or edited, reusing the proposal's embedding.
 *
 * @example
 * const learner = createIclEditLearner({ writer, embedder, memory, k: 5 });
 */
export function createIclEditLearner(options: LearnerParts & { readonly k: number }): Learner {
  const { writer, embedder, memory } = options;
  const k = requirePositiveInteger('k', options.k);
  return {
    name: `icl-edit-${k}`,
    async propose({ scope, task, context, abortSignal }) {
      const embedding = await embedText({ embedder, text: context.text, abortSignal });
      const neighbours = await memory.nearest({ scope, embedding, k, kind: 'pair' });
      const examples = neighbours.flatMap((neighbour) =>
        neighbour.entry.pair ? [neighbour.entry.pair] : [],
      );
      const result = await writer.generate({
        task,
        context,
        guidance: examples.length > 0 ? { kind: 'examples', examples } : undefined,
        abortSignal,
      });
      return {
        text: result.text,
        preferenceUsed: null,
        neighbours: neighbours.map((neighbour) => ({
          entryId: neighbour.entry.id,
          contextId: neighbour.entry.contextId,
          similarity: neighbour.similarity,
          preference: null,
        })),
        embedding,
        usage: result.usage,
        warnings: result.warnings ?? [],
      };
    },
    async learn({ scope, context, proposal, pair, interactionId, abortSignal }) {
      const embedding =
        proposal.embedding ?? (await embedText({ embedder, text: context.text, abortSignal }));
      await storePair({ memory, scope, context, embedding, pair, interactionId });
      return { preferenceInferred: null, usage: noUsage };
    },
  };
}
