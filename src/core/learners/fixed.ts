import type { Context, Writer } from '../../spec/index.js';
import { InvalidInputError, noUsage } from '../../spec/index.js';
import type { Learner, PreferenceChoice } from '../learner.js';
import { proposeWith } from './propose-with.js';
import { splitComponents } from './preference-components.js';

/**
 * A learner that writes every draft with the preference `preferenceOf` gives for the context and learns
 * nothing: the shape of `fixed` (one text for every context) and `oracle` (the true preference).
 */
export function createStaticPreferenceLearner(options: {
  readonly name: string;
  readonly writer: Writer;
  readonly preferenceOf: (context: Context) => string;
}): Learner {
  const { name, writer, preferenceOf } = options;
  const preferenceFor = async ({ context }: { readonly context: Context }): Promise<PreferenceChoice> => ({
    preference: preferenceOf(context),
    neighbours: [],
    embedding: null,
    usage: noUsage,
  });
  return {
    name,
    preferenceFor,
    propose: (proposeOptions) => proposeWith(writer, proposeOptions, preferenceFor),
    async learn() {
      return { preferenceInferred: null, usage: noUsage };
    },
  };
}

/**
 * The `fixed` baseline: every draft is written with one preference text, whatever the context, and
 * nothing is learned — what teams do today with one global style prompt. Throws InvalidInputError
 * (field `fixedPreference`) for an empty text.
 *
 * @example
 * const learner = createFixedLearner({ writer, preference: 'brief, bullet points, no emojis' });
 */
export function createFixedLearner(options: {
  readonly writer: Writer;
  readonly preference: string;
}): Learner {
  const preference = options.preference.trim();
  if (preference === '') {
    throw new InvalidInputError({
      field: 'fixedPreference',
      value: options.preference,
      accepted: 'a non-empty preference text, e.g. "brief, bullet points"',
    });
  }
  return createStaticPreferenceLearner({
    name: 'fixed',
    writer: options.writer,
    preferenceOf: () => preference,
  });
}

/**
 * One preference text holding every component of the given ones ("apply everything"): components are
 * the comma-, semicolon- or line-separated phrases (`splitComponents`: "TL;DR" stays whole), kept in first-mention order without repeats
 * (case and spacing ignored). The default text of `fixed` in the bench: the union of a task's latent
 * preferences. Conflicting components stay; a writer settles them as it would for any text.
 *
 * @example
 * preferenceUnion(['brief, bullet points', 'Bullet points; with emojis']); // 'brief, bullet points, with emojis'
 */
export function preferenceUnion(texts: readonly string[]): string {
  return splitComponents(texts.join('\n')).join(', ');
}
