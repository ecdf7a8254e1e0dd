import { describe, expect, it } from 'vitest';
import type { Context } from '../../spec/index.js';
import { ScriptedWriter, playRound, testContext } from '../../testing/index.js';
import type { Learner } from '../learner.js';
import { createNoLearningLearner } from './no-learning.js';

function scriptedWriter() {
  return new ScriptedWriter({
    generate: (call) =>
      `draft(${call.context.id}; ${call.guidance?.kind === 'preference' ? call.guidance.preference : 'none'})`,
    inferPreference: (_call, index) => `inferred #${index + 1}`,
    usage: { inputTokens: 7, outputTokens: 3 },
  });
}

/** The user edits (appending " [edit <id>]") when `edits` is true, else accepts. */
function round(learner: Learner, context: Context, edits: boolean) {
  return playRound(learner, context, (output) => (edits ? `${output} [edit ${context.id}]` : output));
}

describe('no-learning', () => {
  it('generates with the task prompt only and never infers', async () => {
    const writer = scriptedWriter();
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
