import { noUsage } from '../../spec/index.js';
import { embedText } from '../embed-text.js';
import type { Learner, PreferenceChoice, ProposeOptions, LearnerParts } from '../learner.js';
import { requirePositiveInteger } from '../require-positive-integer.js';
import { storePair } from './memory-entries.js';
import { proposeWith } from './propose-with.js';
import { inferPreferenceFrom } from './writer-steps.js';

/**
 * The `continual-K` baseline: every round, infer a preference from the last K (output, user's version)
 * pairs, oldest first, accepted ones included, and generate with it; with no history yet, generate
 * with no preference. Learning stores every round's pair (kind `pair`, origin `observed`, with the
 * context's embedding so other learners can reuse it).
 *
 * @example
 * const learner = createContinualLearner({ writer, embedder, memory, k: 5 });
 */
export function createContinualLearner(options: LearnerParts & { readonly k: number }): Learner {
  const { writer, embedder, memory } = options;
  const k = requirePositiveInteger('k', options.k);
  const preferenceFor = async ({ scope, task, abortSignal }: ProposeOptions): Promise<PreferenceChoice> => {
    const recent = await memory.list({ scope, kind: 'pair', last: k });
    const pairs = recent.flatMap((entry) => (entry.pair === null ? [] : [entry.pair]));
    const none = { preference: null, neighbours: [], embedding: null, usage: noUsage };
    if (pairs.length === 0) return none;
    const step = await inferPreferenceFrom({ writer, task, pairs, abortSignal });
    return { ...none, preference: step.preference, usage: step.usage, warnings: step.warnings };
  };
  return {
    name: `continual-${k}`,
    preferenceFor,
    propose: (proposeOptions) => proposeWith(writer, proposeOptions, preferenceFor),
    async learn({ scope, context, proposal, pair, interactionId, abortSignal }) {
      const embedding =
        proposal.embedding ?? (await embedText({ embedder, text: context.text, abortSignal }));
      await storePair({ memory, scope, context, embedding, pair, interactionId });
      return { preferenceInferred: null, usage: noUsage };
    },
  };
}
