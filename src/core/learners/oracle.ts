import type { Context, Writer } from '../../spec/index.js';
import { noUsage } from '../../spec/index.js';
import type { Learner } from '../learner.js';
import { generateWithPreference } from './writer-steps.js';

/**
 * The `oracle` upper bound: generates with the true latent preference of the round, which only a
 * simulation knows (`preferenceOf`), and learns nothing.
 *
 * @example
 * const learner = createOracleLearner({ writer, preferenceOf: (context) => preferences[context.source] });
 */
export function createOracleLearner(options: {
  readonly writer: Writer;
  /** The user's true latent preference for this context. */
  readonly preferenceOf: (context: Context) => string;
}): Learner {
  const { writer, preferenceOf } = options;
  return {
    name: 'oracle',
    async propose({ task, context, abortSignal }) {
      const preference = preferenceOf(context);
      const result = await generateWithPreference({ writer, task, context, preference, abortSignal });
      return {
        text: result.text,
        preferenceUsed: preference,
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
