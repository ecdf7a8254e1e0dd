import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../spec/index.js';
import { InMemoryMemory } from '../store/in-memory-memory.js';
import { FixedVectorEmbedder, ScriptedWriter, playRound, testContext } from '../testing/index.js';
import {
  acceptedLearnerNames,
  createLearner,
  defaultLearnerNames,
  parseLearnerName,
} from './learner-registry.js';

function dependencies() {
  return {
    writer: new ScriptedWriter({
      generate: (call) => (call.guidance?.kind === 'preference' ? call.guidance.preference : 'plain'),
      inferPreference: 'inferred',
      aggregatePreferences: 'aggregated',
    }),
    embedder: new FixedVectorEmbedder({}, { fallback: [1, 0] }),
    memory: new InMemoryMemory(),
    preferenceOf: () => 'the truth',
    fixedPreference: 'one style for all',
  };
}

describe('parseLearnerName', () => {
  it('parses every accepted form', () => {
    expect(parseLearnerName('no-learning')).toEqual({ kind: 'no-learning' });
    expect(parseLearnerName('oracle')).toEqual({ kind: 'oracle' });
    expect(parseLearnerName('explore-exploit-5')).toEqual({ kind: 'explore-exploit', n: 5 });
    expect(parseLearnerName('continual-12')).toEqual({ kind: 'continual', k: 12 });
    expect(parseLearnerName('icl-edit-3')).toEqual({ kind: 'icl-edit', k: 3 });
    expect(parseLearnerName('cipher-1')).toEqual({ kind: 'cipher', k: 1 });
    expect(parseLearnerName('cipher-5')).toEqual({ kind: 'cipher', k: 5 });
    expect(parseLearnerName('follow-ups-5')).toEqual({ kind: 'follow-ups', k: 5 });
  });

  it.each([
    'cipher',
    'cipher-0',
    'cipher--1',
    'cipher-05',
    'cipher-1.5',
    'CIPHER-5',
    'icl-edit',
    'prose-5',
    '',
    ' oracle',
  ])('rejects %j listing the accepted forms', (name) => {
    const error = (() => {
      try {
        parseLearnerName(name);
      } catch (caught) {
        return caught;
      }
    })();
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect((error as InvalidInputError).field).toBe('learner');
    expect((error as InvalidInputError).message).toContain(acceptedLearnerNames);
  });
});

describe('createLearner', () => {
  it("builds each default learner under its own name: ours first, the paper's, then the references", () => {
    expect(defaultLearnerNames[0]).toBe('refine-verify-5');
    expect(defaultLearnerNames).toEqual(
      expect.arrayContaining(['cipher-5', 'cipher-1', 'icl-edit-5', 'continual-5', 'explore-exploit-5']),
    );
    expect(defaultLearnerNames.slice(-3)).toEqual(['fixed', 'no-learning', 'oracle']);
    for (const name of defaultLearnerNames) {
      expect(createLearner(name, dependencies()).name).toBe(name);
    }
  });

  it('needs a text for fixed, naming the field when it is missing', () => {
    const { fixedPreference: _unused, ...withoutText } = dependencies();
    expect(() => createLearner('fixed', withoutText)).toThrow(/fixedPreference/);
  });

  it('needs a follow-up classifier for follow-ups-K, naming it when it is missing', () => {
    expect(() => createLearner('follow-ups-5', dependencies())).toThrow(/followUps/);
    const classifier = {
      classify: async () => ({
        kind: 'neither' as const,
        components: [],
        usage: { inputTokens: 0, outputTokens: 0 },
      }),
    };
    expect(createLearner('follow-ups-5', { ...dependencies(), followUps: classifier }).name).toBe(
      'follow-ups-5',
    );
  });

  it('wires the dependencies it is given', async () => {
    const oracle = createLearner('oracle', dependencies());
    expect((await playRound(oracle, testContext('a'), (output) => output)).proposal.text).toBe('the truth');
    const deps = dependencies();
    const cipher = createLearner('cipher-2', deps);
    await playRound(cipher, testContext('a'), (output) => `${output}!`);
    expect(
      await deps.memory.list({ scope: { tenant: 'test', user: 'ada', task: 'summarization' } }),
    ).toHaveLength(1);
  });

  it('refuses the oracle without preferenceOf, and unknown names', () => {
    const { writer, embedder, memory } = dependencies();
    expect(() => createLearner('oracle', { writer, embedder, memory })).toThrow(/needs preferenceOf/);
    expect(() => createLearner('oracle', { writer, embedder, memory })).toThrow(acceptedLearnerNames);
    expect(() => createLearner('continual-0', dependencies())).toThrow(InvalidInputError);
  });
});
