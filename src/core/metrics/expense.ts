import type { TokenUsage } from '../../spec/index.js';
import type { RoundRecord } from '../round-record.js';

/** The agent's token spend over a run. */
export interface Expense extends TokenUsage {
  /** inputTokens + outputTokens: the paper's expense. */
  readonly totalTokens: number;
}

/**
 * The paper's expense: input plus output tokens of the agent's calls over all rounds (generation,
 * inference, aggregation). The simulated user's tokens are not counted.
 */
export function agentExpense(records: readonly Pick<RoundRecord, 'agentUsage'>[]): Expense {
  let inputTokens = 0;
  let outputTokens = 0;
  for (const record of records) {
    inputTokens += record.agentUsage.inputTokens;
    outputTokens += record.agentUsage.outputTokens;
  }
  return { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens };
}
