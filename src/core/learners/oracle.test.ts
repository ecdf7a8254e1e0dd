import { describe, expect, it } from 'vitest';
import { testContext } from '../../testing/index.js';
import { createOracleLearner } from './oracle.js';
import { editOrAccept as round, namingWriter } from './test-learner-rounds.js';

describe('oracle', () => {
  it('generates with the true preference of each round and learns nothing', async () => {
    const writer = namingWriter();
    const truth: Record<string, string> = { news: 'for children', wiki: 'bullet points' };
    const learner = createOracleLearner({ writer, preferenceOf: (context) => truth[context.source] ?? '?' });
    expect(learner.name).toBe('oracle');
    const first = await round(learner, testContext('a', { source: 'news' }), true);
    const second = await round(learner, testContext('b', { source: 'wiki' }), false);
    expect(first.proposal.preferenceUsed).toBe('for children');
    expect(second.proposal.preferenceUsed).toBe('bullet points');
    expect(writer.generateCalls.map((call) => call.guidance)).toEqual([
      { kind: 'preference', preference: 'for children' },
      { kind: 'preference', preference: 'bullet points' },
    ]);
    expect(writer.inferPreferenceCalls).toHaveLength(0);
  });
});
