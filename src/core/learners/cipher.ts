import { cipherPreference } from './cipher-preference.js';
import { noUsage } from '../../spec/index.js';
import { embedText } from '../embed-text.js';
import { isAccepted } from '../is-accepted.js';
import type { Learner, LearnerParts, ProposeOptions } from '../learner.js';
import { requirePositiveInteger } from '../require-positive-integer.js';
import { storePreference } from './memory-entries.js';
import { proposeWith } from './propose-with.js';
import { inferPreferenceFrom } from './writer-steps.js';

/**
 * CIPHER (`cipher-1`, `cipher-K`), the paper's method.
 *
 * Propose: embed the context and retrieve the preferences stored with the K nearest past contexts
 * (plus, for the service, every pinned or user-written preference: `retrievePreferences`). With none,
 * generate with no preference. A single retrieved preference is used as it is; whenever the set holds
 * more than one (`cipher-K`, or `cipher-1` with pinned ones), the writer aggregates them (most similar
 * first) and the draft is generated with the aggregate.
 *
 * Learn: if the user edited the draft (any edit, no threshold), infer a preference from this one
 * (output, edit) pair and store it with the context embedding (origin `inferred`, with the pair); if
 * the user accepted, store the preference that was used again with this context's embedding (origin
 * `kept`). The proposal's embedding is reused, so a round embeds once.
 *
 * @example
 * const learner = createCipherLearner({ writer, embedder, memory, k: 5 });
 */
export function createCipherLearner(options: LearnerParts & { readonly k: number }): Learner {
  const { writer, embedder, memory } = options;
  const k = requirePositiveInteger('k', options.k);
  const preferenceFor = ({ scope, task, context, abortSignal }: ProposeOptions) =>
    cipherPreference({ writer, embedder, memory, scope, task, text: context.text, k, abortSignal });
  return {
    name: `cipher-${k}`,
    preferenceFor,
    propose: (proposeOptions) => proposeWith(writer, proposeOptions, preferenceFor),
    async learn({ scope, task, context, proposal, pair, interactionId, abortSignal }) {
      const accepted = isAccepted(pair);
      if (accepted && proposal.preferenceUsed === null) {
        // NOTE: the user accepted a draft written with no preference. There is no preference to keep,
        // and storing an empty one would make later rounds aggregate or apply nothing, so nothing is
        // stored; the next similar context again starts from what the rest of the history says.
        return { preferenceInferred: null, usage: noUsage };
      }
      const embedding =
        proposal.embedding ?? (await embedText({ embedder, text: context.text, abortSignal }));
      if (accepted && proposal.preferenceUsed !== null) {
        await storePreference({
          memory,
          scope,
          context,
          embedding,
          preference: proposal.preferenceUsed,
          origin: 'kept',
          pair: null,
          interactionId,
        });
        return { preferenceInferred: null, usage: noUsage };
      }
      const step = await inferPreferenceFrom({ writer, task, pairs: [pair], abortSignal });
      if (step.preference !== null) {
        await storePreference({
          memory,
          scope,
          context,
          embedding,
          preference: step.preference,
          origin: 'inferred',
          pair,
          interactionId,
        });
      }
      return { preferenceInferred: step.preference, usage: step.usage, warnings: step.warnings };
    },
  };
}
