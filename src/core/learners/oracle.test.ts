import { describe, expect, it } from 'vitest';
import type { Context } from '../../spec/index.js';
import { ScriptedWriter, playRound, testContext } from '../../testing/index.js';
import type { Learner } from '../learner.js';
import { createOracleLearner } from './oracle.js';

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

describe('oracle', () => {
  it('generates with the true preference of each round and learns nothing', async () => {
    const writer = scriptedWriter();
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
