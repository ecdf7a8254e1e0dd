import { describe, expect, it } from 'vitest';
import type { Context } from '../../spec/index.js';
import {
  FixedVectorEmbedder,
  ScriptedWriter,
  playRound,
  testContext,
  testScope,
} from '../../testing/index.js';
import type { Learner } from '../learner.js';
import { InMemoryMemory } from '../../store/in-memory-memory.js';
import { createContinualLearner } from './continual.js';

const scope = testScope;

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

const embedder = () => new FixedVectorEmbedder({}, { fallback: [1, 0] });

describe('continual', () => {
  it('infers each round from the last K pairs, accepted ones included, oldest first', async () => {
    const writer = scriptedWriter();
    const memory = new InMemoryMemory();
    const learner = createContinualLearner({ writer, embedder: embedder(), memory, k: 2 });
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
