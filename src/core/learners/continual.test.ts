import { describe, expect, it } from 'vitest';
import { testContext, testScope as scope } from '../../testing/index.js';
import { createContinualLearner } from './continual.js';
import { editOrAccept as round, namingParts } from './test-learner-rounds.js';

describe('continual', () => {
  it('infers each round from the last K pairs, accepted ones included, oldest first', async () => {
    const parts = namingParts();
    const { writer, memory } = parts;
    const learner = createContinualLearner({ ...parts, k: 2 });
    expect(learner.name).toBe('continual-2');
    const first = await round(learner, testContext('c1'), true);
    expect(first.proposal.preferenceUsed).toBeNull();
    expect(writer.inferPreferenceCalls).toHaveLength(0);
    const second = await round(learner, testContext('c2'), false);
    expect(writer.inferPreferenceCalls[0]?.pairs).toEqual([first.pair]);
    expect(second.proposal.preferenceUsed).toBe('inferred #1');
    const third = await round(learner, testContext('c3'), true);
    expect(writer.inferPreferenceCalls[1]?.pairs).toEqual([first.pair, second.pair]);
    expect(third.proposal.preferenceUsed).toBe('inferred #2');
    const fourth = await round(learner, testContext('c4'), true);
    expect(writer.inferPreferenceCalls[2]?.pairs).toEqual([second.pair, third.pair]);
    expect(fourth.proposal.preferenceUsed).toBe('inferred #3');
    expect(writer.generateCalls[3]?.guidance).toEqual({ kind: 'preference', preference: 'inferred #3' });
    expect(await memory.list({ scope, kind: 'pair' })).toHaveLength(4);
  });
});
