import type { Writer } from '../../spec/index.js';
import { noUsage } from '../../spec/index.js';
import type { Learner } from '../learner.js';

/**
 * The `no-learning` baseline: the task prompt with no preference, and nothing learned.
 *
 * @example
 * const learner = createNoLearningLearner({ writer });
 */
export function createNoLearningLearner(options: { readonly writer: Writer }): Learner {
  const { writer } = options;
  return {
    name: 'no-learning',
    async propose({ task, context, abortSignal }) {
      const result = await writer.generate({ task, context, abortSignal });
      return {
        text: result.text,
        preferenceUsed: null,
        neighbours: [],
        embedding: null,
        usage: result.usage,
        warnings: result.warnings ?? [],
      };
    },
    async learn() {
      return { preferenceInferred: null, usage: noUsage };
    },
  };
}
