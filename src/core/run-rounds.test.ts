import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../spec/index.js';
import { InMemoryMemory } from '../store/in-memory-memory.js';
import { ScriptedReviewer, ScriptedWriter, testContext, testScope, testTask } from '../testing/index.js';
import type { RoundRecord } from './round-record.js';
import { createCipherLearner } from './learners/cipher.js';
import { alikeEmbedder } from './learners/test-learner-rounds.js';
import { createNoLearningLearner } from './learners/no-learning.js';
import type { RunRoundsOptions } from './run-rounds.js';
import { runRounds } from './run-rounds.js';

const scope = testScope;
const task = testTask;
const contexts = ['alpha', 'beta', 'gamma', 'delta'].map((id) => testContext(id));

/** `runRounds` over the four test contexts in the test scope, with the given parts and overrides. */
function playAll(parts: Pick<RunRoundsOptions, 'learner' | 'reviewer'> & Partial<RunRoundsOptions>) {
  return runRounds({ task, scope, contexts, ...parts });
}

/** A writer that signs off only when asked to by a preference, and a user who wants a sign-off. */
function signOffWorld() {
  const writer = new ScriptedWriter({
    generate: (call) =>
      call.guidance?.kind === 'preference'
        ? `Summary of ${call.context.id}. Cheers!`
        : `Summary of ${call.context.id}.`,
    inferPreference: 'sign off with cheers',
    aggregatePreferences: (call) => call.preferences[0] ?? '',
  });
  const reviewer = new ScriptedReviewer((call) =>
    call.output.endsWith('Cheers!') ? null : `${call.output} Cheers!`,
  );
  return { writer, reviewer };
}

describe('runRounds', () => {
  it('plays one round per context, numbers them from 1 and reports each to onRound', async () => {
    const { writer, reviewer } = signOffWorld();
    const learner = createNoLearningLearner({ writer });
    const seen: number[] = [];
    const records = await playAll({ learner, reviewer, onRound: (record) => void seen.push(record.round) });
    expect(records.map((record) => [record.round, record.contextId])).toEqual([
      [1, 'alpha'],
      [2, 'beta'],
      [3, 'gamma'],
      [4, 'delta'],
    ]);
    expect(seen).toEqual([1, 2, 3, 4]);
    // Not learning, the user edits every round: "Cheers" and "!" are two inserted tokens.
    expect(records.map((record) => record.cost)).toEqual([2, 2, 2, 2]);
  });

  it('lets CIPHER stop paying once it learned the preference', async () => {
    const { writer, reviewer } = signOffWorld();
    const learner = createCipherLearner({
      writer,
      embedder: alikeEmbedder(),
      memory: new InMemoryMemory(),
      k: 1,
    });
    const records = await playAll({ learner, reviewer });
    expect(records.map((record) => record.cost)).toEqual([2, 0, 0, 0]);
    expect(records.map((record) => record.preferenceUsed)).toEqual([
      null,
      'sign off with cheers',
      'sign off with cheers',
      'sign off with cheers',
    ]);
    expect(records[0]?.preferenceInferred).toBe('sign off with cheers');
  });

  it('stops between rounds once aborted and returns the records so far', async () => {
    const { writer, reviewer } = signOffWorld();
    const controller = new AbortController();
    const records: RoundRecord[] = await runRounds({
      learner: createNoLearningLearner({ writer }),
      reviewer,
      task,
      scope,
      contexts,
      abortSignal: controller.signal,
      onRound: (record) => {
        if (record.round === 2) controller.abort();
      },
    });
    expect(records.map((record) => record.contextId)).toEqual(['alpha', 'beta']);
    expect(writer.generateCalls).toHaveLength(2);
  });

  it('plays nothing when already aborted', async () => {
    const { writer, reviewer } = signOffWorld();
    const records = await playAll({
      learner: createNoLearningLearner({ writer }),
      reviewer,
      abortSignal: AbortSignal.abort(),
    });
    expect(records).toEqual([]);
    expect(writer.calls).toEqual([]);
  });

  it('records a failed round and goes on when isRoundFailure says so; other errors end the run', async () => {
    const writer = new ScriptedWriter({
      generate: (call) => {
        if (call.context.id === 'beta') throw new Error('empty draft for beta');
        return `Summary of ${call.context.id}.`;
      },
    });
    const reviewer = new ScriptedReviewer(() => null);
    const failures: unknown[] = [];
    const records = await playAll({
      learner: createNoLearningLearner({ writer }),
      reviewer,
      isRoundFailure: (error) => error instanceof Error && error.message.startsWith('empty'),
      onRoundFailed: (failure) => void failures.push(failure),
    });
    expect(records.map((record) => [record.round, record.contextId])).toEqual([
      [1, 'alpha'],
      [3, 'gamma'],
      [4, 'delta'],
    ]);
    expect(failures).toEqual([{ round: 2, contextId: 'beta', reason: 'empty draft for beta' }]);
    await expect(playAll({ learner: createNoLearningLearner({ writer }), reviewer })).rejects.toThrow(
      'empty draft for beta',
    );
  });

  it('passes the signal into the round: an abort cancels the round in flight, which is not recorded', async () => {
    const controller = new AbortController();
    const writer = new ScriptedWriter({
      generate: async (call) => {
        if (call.context.id !== 'beta') return `Summary of ${call.context.id}.`;
        controller.abort();
        expect(call.abortSignal?.aborted).toBe(true);
        throw new Error('cancelled by the caller');
      },
    });
    const records = await playAll({
      learner: createNoLearningLearner({ writer }),
      reviewer: new ScriptedReviewer(() => null),
      abortSignal: controller.signal,
    });
    expect(records.map((record) => record.contextId)).toEqual(['alpha']);
  });

  it('rejects an empty context before the first round', async () => {
    const { writer, reviewer } = signOffWorld();
    await expect(
      runRounds({
        learner: createNoLearningLearner({ writer }),
        reviewer,
        task,
        scope,
        contexts: [...contexts, testContext('empty', { text: '' })],
      }),
    ).rejects.toSatisfy(InvalidInputError.isInstance);
    expect(writer.calls).toEqual([]);
  });
});
