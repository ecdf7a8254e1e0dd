import { describe, expect, it } from 'vitest';
import { testContext } from '../../testing/index.js';
import { createNoLearningLearner } from './no-learning.js';
import { editOrAccept as round, namingWriter } from './test-learner-rounds.js';

describe('no-learning', () => {
  it('generates with the task prompt only and never infers', async () => {
    const writer = namingWriter();
    const learner = createNoLearningLearner({ writer });
    expect(learner.name).toBe('no-learning');
    for (const id of ['c1', 'c2', 'c3']) {
      const { proposal, learned } = await round(learner, testContext(id), true);
      expect(proposal.preferenceUsed).toBeNull();
      expect(proposal.usage).toEqual({ inputTokens: 7, outputTokens: 3 });
      expect(learned).toEqual({ preferenceInferred: null, usage: { inputTokens: 0, outputTokens: 0 } });
    }
    expect(writer.generateCalls.map((call) => call.guidance)).toEqual([undefined, undefined, undefined]);
    expect(writer.calls.every((call) => call.method === 'generate')).toBe(true);
  });
});
