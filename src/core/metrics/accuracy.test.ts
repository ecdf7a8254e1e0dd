import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../spec/index.js';
import { classifyPreference, preferenceAccuracy } from './accuracy.js';

/** Shared words over the larger word count: enough to tell preferences apart in a test. */
function overlap(left: string, right: string): number {
  const a = new Set(left.split(/[ ,]+/));
  const b = new Set(right.split(/[ ,]+/));
  return [...a].filter((word) => b.has(word)).length / Math.max(a.size, b.size);
}

const candidates = ['bullet points, brief', 'tweet style, emojis', 'question answering style'];

describe('classifyPreference', () => {
  it('returns the index of the most similar candidate', () => {
    expect(classifyPreference('use bullet points', candidates, overlap)).toBe(0);
    expect(classifyPreference('emojis please', candidates, overlap)).toBe(1);
    expect(classifyPreference('a question answering format', candidates, overlap)).toBe(2);
  });

  it('breaks ties towards the earlier candidate', () => {
    expect(classifyPreference('unrelated', candidates, () => 0.5)).toBe(0);
  });

  it('needs at least one candidate', () => {
    expect(() => classifyPreference('x', [], overlap)).toThrow(InvalidInputError);
  });
});

describe('preferenceAccuracy', () => {
  it('counts rounds classified to their true preference, no preference being a miss', () => {
    const accuracy = preferenceAccuracy({
      rounds: [
        { used: 'bullet points', truth: 'bullet points, brief' },
        { used: 'emojis', truth: 'tweet style, emojis' },
        { used: 'emojis', truth: 'question answering style' },
        { used: null, truth: 'bullet points, brief' },
      ],
      candidates,
      similarity: overlap,
    });
    expect(accuracy).toBe(0.5);
  });

  it('rejects a true preference that is not a candidate', () => {
    expect(() =>
      preferenceAccuracy({ rounds: [{ used: 'x', truth: 'not listed' }], candidates, similarity: overlap }),
    ).toThrow(/truth/);
  });
});
