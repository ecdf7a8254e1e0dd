import type { Context } from './context.js';
import type { Task } from './task.js';
import type { TokenUsage } from './usage.js';

export interface ReviewResult {
  /** True when the user took the output as it was. */
  readonly accepted: boolean;
  /** The user's version: equal to the output when accepted. */
  readonly edited: string;
  /** Tokens the simulated user spent (not counted in the agent's expense). */
  readonly usage: TokenUsage;
  readonly warnings?: readonly string[];
  /**
   * When the user corrected the output by replying rather than editing (the chat environment): their
   * corrective follow-ups, oldest first ("no bullet points, please"); `edited` is then the answer they
   * ended with. Empty when the first answer suited them.
   */
  readonly followUps?: readonly string[];
}

/**
 * The user who accepts or edits a draft. Implemented by the rule-based simulated user
 * (`src/sim/simulated-user.ts`) and the LLM-simulated user (`src/providers/llm-reviewer.ts`); in the
 * service the real person is the reviewer and their edit arrives through the API.
 */
/** What a reviewer is shown: the task, the context and the agent's output. */
export interface ReviewRequest {
  readonly task: Task;
  readonly context: Context;
  readonly output: string;
  readonly abortSignal?: AbortSignal;
}

export interface Reviewer {
  review(options: ReviewRequest): Promise<ReviewResult>;
}
