import type { Context, MemoryScope, Reviewer, Task } from '../spec/index.js';
import { addUsage, InvalidInputError } from '../spec/index.js';
import type { Learner } from './learner.js';
import { wordEditDistance } from './metrics/word-edit-distance.js';
import type { RoundRecord } from './round-record.js';

/** A cost between the agent's output and the user's version; 0 must mean "identical". */
export type CostFunction = (output: string, edited: string) => number;

export interface RunRoundOptions {
  readonly learner: Learner;
  readonly reviewer: Reviewer;
  readonly task: Task;
  readonly scope: MemoryScope;
  readonly context: Context;
  /** 1-based round number, copied into the record. */
  readonly round: number;
  /** Defaults to `wordEditDistance` (NLTK-style word tokens, unit-cost Levenshtein), the paper's cost. */
  readonly cost?: CostFunction;
  readonly abortSignal?: AbortSignal;
}

/**
 * One round of the PRELUDE protocol (DESIGN.md §2): the learner proposes a draft for the context, the
 * reviewer accepts or edits it, the round costs the word edit distance between the two (0 when
 * accepted; an edit identical to the draft counts as acceptance), and the learner learns from the
 * (draft, user's version) pair. Throws InvalidInputError for an empty context text, an empty edit
 * (before learning from it) or a bad round.
 *
 * @example
 * const record = await runRound({ learner, reviewer, task, scope, context, round: 1 });
 */
export async function runRound(options: RunRoundOptions): Promise<RoundRecord> {
  const { learner, reviewer, task, scope, context, abortSignal } = options;
  validateContext(context);
  if (!Number.isSafeInteger(options.round) || options.round < 1) {
    throw new InvalidInputError({ field: 'round', value: options.round, accepted: 'an integer >= 1' });
  }
  const cost = options.cost ?? wordEditDistance;
  const proposal = await learner.propose({ scope, task, context, abortSignal });
  const review = await reviewer.review({ task, context, output: proposal.text, abortSignal });
  const accepted = review.accepted || review.edited === proposal.text;
  if (!accepted && review.edited.trim() === '') {
    // NOTE: nothing is learned from it: an empty text is a broken reviewer, not a preference.
    throw new InvalidInputError({
      field: 'edited',
      value: review.edited,
      accepted: 'a non-empty edit, or acceptance (the draft unchanged)',
      message: `invalid edited text for context ${JSON.stringify(context.id)}: it is empty; accepted: a non-empty edit, or the draft unchanged`,
    });
  }
  const edited = accepted ? proposal.text : review.edited;
  const learned = await learner.learn({
    scope,
    task,
    context,
    proposal,
    pair: { original: proposal.text, edited },
    ...(review.followUps === undefined ? {} : { followUps: review.followUps }),
    abortSignal,
  });
  return {
    round: options.round,
    learner: learner.name,
    source: context.source,
    contextId: context.id,
    output: proposal.text,
    edited,
    accepted,
    cost: accepted ? 0 : cost(proposal.text, edited),
    preferenceUsed: proposal.preferenceUsed,
    preferenceInferred: learned.preferenceInferred,
    neighbours: proposal.neighbours,
    agentUsage: addUsage(proposal.usage, learned.usage),
    userUsage: review.usage,
    warnings: [...(proposal.warnings ?? []), ...(review.warnings ?? []), ...(learned.warnings ?? [])],
    ...(review.followUps === undefined ? {} : { followUps: review.followUps.length }),
  };
}

/** Throws InvalidInputError (field `context.text`, naming the context) when the text is blank. */
export function validateContext(context: Context): void {
  if (context.text.trim() === '') {
    throw new InvalidInputError({
      field: 'context.text',
      value: context.text,
      accepted: 'a non-empty text',
      message: `invalid context.text of context ${JSON.stringify(context.id)}: it is empty; accepted: a non-empty text`,
    });
  }
}
