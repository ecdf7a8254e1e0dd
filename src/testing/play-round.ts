import type { Learner, LearnResult, Proposal } from '../core/learner.js';
import type { Context, EditPair, MemoryScope, Task } from '../spec/index.js';
import { testScope, testTask } from './test-contexts.js';

/**
 * One propose → user's version → learn cycle for learner tests, without a reviewer: `edit` maps the
 * draft to the user's version (return it unchanged to accept).
 */
export async function playRound(
  learner: Learner,
  context: Context,
  edit: (output: string) => string,
  options: {
    scope?: MemoryScope;
    task?: Task;
    interactionId?: string;
    /** The chat user's corrective follow-ups that led to the user's version, oldest first. */
    followUps?: readonly string[];
  } = {},
): Promise<{ proposal: Proposal; pair: EditPair; learned: LearnResult }> {
  const scope = options.scope ?? testScope;
  const task = options.task ?? testTask;
  const proposal = await learner.propose({ scope, task, context });
  const pair: EditPair = { original: proposal.text, edited: edit(proposal.text) };
  const learned = await learner.learn({
    scope,
    task,
    context,
    proposal,
    pair,
    interactionId: options.interactionId,
    ...(options.followUps === undefined ? {} : { followUps: options.followUps }),
  });
  return { proposal, pair, learned };
}

/** `edit` for playRound: the user accepts. */
export const accept = (output: string): string => output;
