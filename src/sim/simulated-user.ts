import { userEditPrompt, userJudgePrompt } from '../prompts/index.js';
import type { Context, Reviewer, ReviewRequest, ReviewResult, Task, TokenUsage } from '../spec/index.js';
import { addUsage, InvalidInputError, noUsage, taskKey } from '../spec/index.js';
import { unmetRequirements } from './atoms/apply-requirements.js';
import { requirementKey } from './atoms/atom-requirement.js';
import { reviseToStyle, unwantedAtoms } from './atoms/unwanted-atoms.js';
import type { LatentPreference } from './latent-preference.js';
import { parseLatentPreference } from './latent-preference.js';
import type { PreferenceSet } from './preference-sets.js';
import { latentPreferenceLookup } from './preference-sets.js';
import { BoundedCache } from './text/bounded-cache.js';
import { promptUsage } from './writer/prompt-usage.js';

/**
 * Reviews by (task, usage counted or not, context id, latent preference), then by output: a review is
 * a pure function of those and of the context's text (kept beside it and compared). Learners that
 * converge, and the seeds of a sweep, show the user the same drafts of the same documents again.
 */
const reviews = new BoundedCache<
  string,
  BoundedCache<string, { readonly contextText: string; readonly result: ReviewResult }>
>(4096);

/** Options of the rule-based simulated user. */
export interface SimulatedUserOptions {
  /** The latent preference behind a context (given as parsed, or as a text parsed strictly). */
  readonly preferenceOf: (context: Context, task: Task) => LatentPreference | string;
  /**
   * Count the tokens the paper's two user prompts (src/prompts/user-prompts.ts) would have used
   * (default true). Never part of the agent's expense.
   */
  readonly countUsage?: boolean;
}

/**
 * The rule-based simulated user of the offline world (DESIGN.md §4). It judges like a person asked
 * "is this in my style?": its latent preference for a context is a set of atom requirements, and it
 * accepts a draft only when every requirement holds and no marked feature it did not ask for is
 * present (`unwantedAtoms`: emojis, hashtags, a list or Q/A layout, a P.S., an added "wow"...,
 * each atom's rule declared beside it). Otherwise its edit (`reviseToStyle`) adds what is missing
 * and removes what is unwanted. Editing a text that already satisfies it changes nothing.
 *
 * An edit that changes only line breaks (the short paragraphs of "structured") costs 0 under the
 * paper's word-token metric, yet it is an edit: the round is not a zero-edit round and learners learn
 * from it.
 *
 * Usage is what the LLM-simulated user would have spent: the yes/no prompt (one output token) and,
 * after a "no", the revision prompt with the edit as output.
 *
 * @example
 * const user = simulatedUserFor(getPreferenceSet('prelude'), { kind: 'email' });
 * const { accepted, edited } = await user.review({ task: { kind: 'email' }, context, output });
 */
export class SimulatedUser implements Reviewer {
  private readonly preferenceOf: SimulatedUserOptions['preferenceOf'];
  private readonly countUsage: boolean;
  private readonly parsed = new Map<string, LatentPreference>();

  constructor(options: SimulatedUserOptions) {
    this.preferenceOf = options.preferenceOf;
    this.countUsage = options.countUsage ?? true;
  }

  /** The latent preference for a context, parsed strictly (InvalidInputError on conflicts). */
  latentPreference(context: Context, task: Task): LatentPreference {
    const preference = this.preferenceOf(context, task);
    if (typeof preference !== 'string') return preference;
    let parsed = this.parsed.get(preference);
    if (parsed === undefined) {
      parsed = parseLatentPreference(preference, `latent preference of source ${context.source}`);
      this.parsed.set(preference, parsed);
    }
    return parsed;
  }

  async review(options: ReviewRequest): Promise<ReviewResult> {
    const { task, context, output } = options;
    const preference = this.latentPreference(context, task);
    const byOutput = reviews.getOrSet(
      `${taskKey(task)}\n${this.countUsage}\n${context.id}\n${preference.text}`,
      () => new BoundedCache(256),
    );
    const known = byOutput.get(output);
    if (known !== undefined && known.contextText === context.text) return { ...known.result };
    const result = this.reviewWith(preference, task, context, output);
    byOutput.set(output, { contextText: context.text, result });
    return { ...result };
  }

  private reviewWith(
    preference: LatentPreference,
    task: Task,
    context: Context,
    output: string,
  ): ReviewResult {
    const { requirements } = preference;
    const suits = (text: string) =>
      unmetRequirements(text, task, requirements).length === 0 &&
      unwantedAtoms(text, task, requirements, context.text).length === 0;
    const satisfied = suits(output);
    let usage: TokenUsage = this.countUsage
      ? promptUsage(userJudgePrompt(task, context, output, preference.text), satisfied ? 'yes' : 'no')
      : noUsage;
    if (satisfied) return { accepted: true, edited: output, usage };
    const edited = reviseToStyle(output, task, requirements, context.text);
    if (this.countUsage)
      usage = addUsage(usage, promptUsage(userEditPrompt(task, output, preference.text), edited));
    const left = [
      ...unmetRequirements(edited, task, requirements).map(requirementKey),
      ...unwantedAtoms(edited, task, requirements, context.text).map((atom) => `unwanted:${atom.id}`),
    ];
    const warnings =
      left.length === 0
        ? []
        : [`simulated user could not satisfy ${left.join(', ')} for context ${context.id}`];
    return { accepted: edited === output, edited, usage, warnings };
  }
}

/** A simulated user whose latent preferences are a built-in set's, for one task. */
export function simulatedUserFor(
  set: PreferenceSet,
  task: Task,
  options: { readonly countUsage?: boolean } = {},
): SimulatedUser {
  const lookup = latentPreferenceLookup(set, task);
  return new SimulatedUser({ preferenceOf: (context) => lookup(context), countUsage: options.countUsage });
}

/**
 * A simulated user from preference texts by source (e.g. a loaded preference map). Every text is
 * parsed strictly now, so an unknown phrase or two conflicting atoms throw InvalidInputError here.
 */
export function simulatedUserFromTexts(
  preferences: Readonly<Record<string, string>>,
  options: { readonly countUsage?: boolean } = {},
): SimulatedUser {
  const bySource = new Map(
    Object.entries(preferences).map(([source, text]) => [
      source,
      parseLatentPreference(text, `latent preference of source ${source}`),
    ]),
  );
  return new SimulatedUser({
    countUsage: options.countUsage,
    preferenceOf: (context) => {
      const preference = bySource.get(context.source);
      if (preference === undefined) {
        throw new InvalidInputError({
          field: 'source',
          value: context.source,
          accepted: [...bySource.keys()].join(', '),
        });
      }
      return preference;
    },
  });
}
