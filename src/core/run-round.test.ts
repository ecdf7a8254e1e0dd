import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../spec/index.js';
import { InMemoryMemory } from '../store/in-memory-memory.js';
import { ScriptedReviewer, ScriptedWriter, testContext, testScope, testTask } from '../testing/index.js';
import type { Learner } from './learner.js';
import { createCipherLearner } from './learners/cipher.js';
import { alikeEmbedder } from './learners/test-learner-rounds.js';
import { createNoLearningLearner } from './learners/no-learning.js';
import type { RunRoundOptions } from './run-round.js';
import { runRound } from './run-round.js';

const scope = testScope;
const task = testTask;

function writer() {
  return new ScriptedWriter({
    generate: 'The cat sat.',
    inferPreference: 'longer',
    usage: { inputTokens: 5, outputTokens: 1 },
  });
}

/** A learner that records what it was asked to learn. */
function recordingLearner(inner: Learner) {
  const learned: Parameters<Learner['learn']>[0][] = [];
  const learner: Learner = {
    name: inner.name,
    propose: (options) => inner.propose(options),
    learn: (options) => {
      learned.push(options);
      return inner.learn(options);
    },
  };
  return { learner, learned };
}

/** `runRound` of round 1 for context `c` in the test scope, with the given parts and overrides. */
function roundOne(parts: Pick<RunRoundOptions, 'learner' | 'reviewer'> & Partial<RunRoundOptions>) {
  return runRound({ task, scope, context: testContext('c'), round: 1, ...parts });
}

describe('runRound', () => {
  it('costs the word edit distance of an edit and learns from the pair', async () => {
    const { learner, learned } = recordingLearner(createNoLearningLearner({ writer: writer() }));
    const reviewer = new ScriptedReviewer(['The cat sat down, quietly.'], {
      usage: { inputTokens: 9, outputTokens: 4 },
    });
    const record = await runRound({ learner, reviewer, task, scope, context: testContext('c1'), round: 3 });
    expect(record).toMatchObject({
      round: 3,
      learner: 'no-learning',
      source: 'news',
      contextId: 'c1',
      output: 'The cat sat.',
      edited: 'The cat sat down, quietly.',
      accepted: false,
      // tokens: The cat sat . → The cat sat down , quietly . (3 insertions)
      cost: 3,
      preferenceUsed: null,
      agentUsage: { inputTokens: 5, outputTokens: 1 },
      userUsage: { inputTokens: 9, outputTokens: 4 },
    });
    expect(learned[0]?.pair).toEqual({ original: 'The cat sat.', edited: 'The cat sat down, quietly.' });
    expect(reviewer.calls[0]).toMatchObject({ output: 'The cat sat.', context: { id: 'c1' } });
  });

  it('uses an injected cost function', async () => {
    const learner = createNoLearningLearner({ writer: writer() });
    const reviewer = new ScriptedReviewer(['x']);
    const record = await roundOne({ learner, reviewer, cost: (a, b) => a.length + b.length });
    expect(record.cost).toBe('The cat sat.'.length + 1);
  });

  it('counts an edit identical to the draft as acceptance, at cost 0', async () => {
    const { learner, learned } = recordingLearner(createNoLearningLearner({ writer: writer() }));
    const costCalls: string[] = [];
    const cost = (a: string) => {
      costCalls.push(a);
      return 99;
    };
    const reviewer = new ScriptedReviewer(() => 'The cat sat.');
    const record = await roundOne({ learner, reviewer, cost });
    expect(record).toMatchObject({ accepted: true, cost: 0, edited: 'The cat sat.' });
    expect(costCalls).toEqual([]);
    expect(learned[0]?.pair).toEqual({ original: 'The cat sat.', edited: 'The cat sat.' });
  });

  it('sums the agent tokens of propose and learn, and carries warnings', async () => {
    const custom = new ScriptedWriter({
      generate: () => ({
        text: 'draft',
        usage: { inputTokens: 10, outputTokens: 3 },
        warnings: ['generation truncated'],
      }),
      inferPreference: () => ({ text: 'brief', usage: { inputTokens: 4, outputTokens: 2 } }),
    });
    const learner = createCipherLearner({
      writer: custom,
      embedder: alikeEmbedder(),
      memory: new InMemoryMemory(),
      k: 1,
    });
    const record = await roundOne({ learner, reviewer: new ScriptedReviewer(['draft, edited']) });
    expect(record.agentUsage).toEqual({ inputTokens: 14, outputTokens: 5 });
    expect(record.preferenceInferred).toBe('brief');
    expect(record.warnings).toEqual(['generation truncated']);
  });

  it('rejects an empty edit and learns nothing from it', async () => {
    const { learner, learned } = recordingLearner(createNoLearningLearner({ writer: writer() }));
    const reviewer = new ScriptedReviewer(() => '  ');
    const error = await roundOne({ learner, reviewer, context: testContext('e') }).catch(
      (caught: unknown) => caught,
    );
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect((error as InvalidInputError).field).toBe('edited');
    expect((error as InvalidInputError).message).toContain('"e"');
    expect(learned).toEqual([]);
  });

  it('rejects an empty context text before calling anyone', async () => {
    const scripted = writer();
    const learner = createNoLearningLearner({ writer: scripted });
    const reviewer = ScriptedReviewer.accepting();
    const error = await roundOne({
      learner,
      reviewer,
      context: testContext('blank', { text: ' \n ' }),
    }).catch((caught: unknown) => caught);
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect((error as InvalidInputError).field).toBe('context.text');
    expect((error as InvalidInputError).message).toContain('"blank"');
    expect(scripted.calls).toEqual([]);
    expect(reviewer.calls).toEqual([]);
  });

  it('rejects a round number below 1', async () => {
    const learner = createNoLearningLearner({ writer: writer() });
    await expect(roundOne({ learner, reviewer: ScriptedReviewer.accepting(), round: 0 })).rejects.toSatisfy(
      InvalidInputError.isInstance,
    );
  });
});
