import type { TokenUsage } from './usage.js';

/**
 * What a user's next turn says about the assistant's answer before it: a request or complaint about its
 * form (`feedback`: "shorter please", "no bullet points"), `satisfaction` ("thanks, perfect"), or
 * `neither` (a new question, more content).
 */
export type FollowUpKind = 'feedback' | 'satisfaction' | 'neither';

export interface FollowUpVerdict {
  readonly kind: FollowUpKind;
  /** For feedback: the preference components it asks for ("brief", "no bullet points"). */
  readonly components: readonly string[];
  readonly usage: TokenUsage;
}

/**
 * Classifies chat follow-ups (issue: learning from conversation). Implemented by rules for the offline
 * world (`src/sim/follow-up-rules.ts`); by any language model in `src/providers/llm-follow-up-classifier.ts`.
 */
export interface FollowUpClassifier {
  classify(options: {
    /** The assistant's answer the user replied to. */
    readonly answer: string;
    /** The user's next turn. */
    readonly followUp: string;
    readonly abortSignal?: AbortSignal;
  }): Promise<FollowUpVerdict>;
}
