import type { Context, Writer } from '../../spec/index.js';
import type { Learner } from '../learner.js';
import { createStaticPreferenceLearner } from './fixed.js';

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
  return createStaticPreferenceLearner({ name: 'oracle', ...options });
}
