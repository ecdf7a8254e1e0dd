import { addUsage, type TokenUsage } from '../../spec/index.js';
import type { RoundRecord } from '../round-record.js';

/** The agent's token spend over a run. */
export interface Expense extends TokenUsage {
  /** inputTokens + outputTokens: the paper's expense (a lower bound when `callsWithoutUsage` > 0). */
  readonly totalTokens: number;
}

/**
 * The paper's expense: input plus output tokens of the agent's calls over all rounds (generation,
 * inference, aggregation). The simulated user's tokens are not counted.
 */
export function agentExpense(records: readonly Pick<RoundRecord, 'agentUsage'>[]): Expense {
  const usage = addUsage(...records.map((record) => record.agentUsage));
  return { ...usage, totalTokens: usage.inputTokens + usage.outputTokens };
}
