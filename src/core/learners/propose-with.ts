import type { Writer } from '../../spec/index.js';
import { addUsage } from '../../spec/index.js';
import type { PreferenceChoice, ProposeOptions, Proposal } from '../learner.js';
import { generateWithPreference } from './writer-steps.js';

/**
 * A learner's `propose` from its `preferenceFor`: choose the preference, write the draft with it, and
 * merge the usage and warnings of both steps once, here, for every learner that steers by a preference.
 *
 * @example
 * propose: (options) => proposeWith(writer, options, preferenceFor),
 */
export async function proposeWith(
  writer: Writer,
  options: ProposeOptions,
  preferenceFor: (options: ProposeOptions) => Promise<PreferenceChoice>,
): Promise<Proposal> {
  const choice = await preferenceFor(options);
  const { task, context, abortSignal } = options;
  const result = await generateWithPreference({
    writer,
    task,
    context,
    preference: choice.preference,
    abortSignal,
  });
  return {
    text: result.text,
    preferenceUsed: choice.preference,
    neighbours: choice.neighbours,
    embedding: choice.embedding,
    usage: addUsage(choice.usage, result.usage),
    warnings: [...(choice.warnings ?? []), ...(result.warnings ?? [])],
  };
}
