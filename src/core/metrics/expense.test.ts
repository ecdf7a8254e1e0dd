import { describe, expect, it } from 'vitest';
import { agentExpense } from './expense.js';

describe('agentExpense', () => {
  it('sums the agent input and output tokens of every round', () => {
    const records = [
      { agentUsage: { inputTokens: 100, outputTokens: 20 } },
      { agentUsage: { inputTokens: 50, outputTokens: 5 } },
    ];
    expect(agentExpense(records)).toEqual({ inputTokens: 150, outputTokens: 25, totalTokens: 175 });
  });
});
