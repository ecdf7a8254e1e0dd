import type { Writer } from '../../spec/index.js';
import { noUsage } from '../../spec/index.js';
import type { Learner, PreferenceChoice } from '../learner.js';
import { proposeWith } from './propose-with.js';

/**
 * The `no-learning` baseline: the task prompt with no preference, and nothing learned.
 *
 * @example
 * const learner = createNoLearningLearner({ writer });
 */
export function createNoLearningLearner(options: { readonly writer: Writer }): Learner {
  const { writer } = options;
  const preferenceFor = async (): Promise<PreferenceChoice> => ({
    preference: null,
    neighbours: [],
    embedding: null,
    usage: noUsage,
  });
  return {
    name: 'no-learning',
    preferenceFor,
    propose: (proposeOptions) => proposeWith(writer, proposeOptions, preferenceFor),
    async learn() {
      return { preferenceInferred: null, usage: noUsage };
    },
  };
}
