import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../spec/index.js';
import { ScriptedWriter, playRound, testContext } from '../../testing/index.js';
import { createFixedLearner, preferenceUnion } from './fixed.js';

/** A writer that only drafts: an inference or aggregation call would throw (not scripted). */
const scriptedWriter = () => new ScriptedWriter({ generate: (call) => `draft of ${call.context.id}` });

describe('fixed', () => {
  it('writes every draft with the one given text, whatever the context or the edits, and learns nothing', async () => {
    const writer = scriptedWriter();
    const learner = createFixedLearner({ writer, preference: '  brief, bullet points ' });
    expect(learner.name).toBe('fixed');
    const contexts = [
      testContext('a', { source: 'news' }),
      testContext('b', { source: 'wiki' }),
      testContext('c', { source: 'news' }),
    ];
    for (const [index, context] of contexts.entries()) {
      const played = await playRound(learner, context, (output) =>
        index === 1 ? output : `${output} [edit ${context.id}]`,
      );
      expect(played.proposal.preferenceUsed).toBe('brief, bullet points');
      expect(played.learned.preferenceInferred).toBeNull();
    }
    expect(writer.generateCalls.map((call) => call.guidance)).toEqual(
      contexts.map(() => ({ kind: 'preference', preference: 'brief, bullet points' })),
    );
    expect(writer.inferPreferenceCalls).toHaveLength(0);
    expect(writer.aggregatePreferencesCalls).toHaveLength(0);
  });

  it('refuses an empty text, naming the field', () => {
    expect(() => createFixedLearner({ writer: scriptedWriter(), preference: ' \n ' })).toThrow(
      InvalidInputError,
    );
    expect(() => createFixedLearner({ writer: scriptedWriter(), preference: '' })).toThrow(/fixedPreference/);
  });
});

describe('preferenceUnion', () => {
  it('keeps every component once, in first-mention order', () => {
    expect(
      preferenceUnion(['brief, bullet points', 'Bullet points;  with emojis', 'brief\nno closing']),
    ).toBe('brief, bullet points, with emojis, no closing');
    expect(preferenceUnion([])).toBe('');
  });

  it('keeps a semicolon inside a word ("TL;DR") as part of its component', () => {
    expect(preferenceUnion(['bullet points, TL;DR line at the top', 'brief'])).toBe(
      'bullet points, TL;DR line at the top, brief',
    );
  });
});
