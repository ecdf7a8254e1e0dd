import { describe, expect, it } from 'vitest';
import { wordTokenize } from '../../core/metrics/word-tokenize.js';
import { countWords, splitSentences, wordsOf } from './sentences.js';

describe('the world reads words and sentences as the cost does', () => {
  it('takes its words from the cost tokens, leaving out punctuation and quotes', () => {
    const text = `Don't stop, Mr. Smith: "1,000 well-known birds" — e.g. Sam's.`;
    expect(wordsOf(text)).toEqual(
      wordTokenize(text).filter((token) => !['``', "''", ',', ':', '—', '.'].includes(token)),
    );
    expect(wordsOf(text)).toEqual([
      'Do',
      "n't",
      'stop',
      'Mr.',
      'Smith',
      '1,000',
      'well-known',
      'birds',
      'e.g.',
      'Sam',
      "'s",
    ]);
  });

  it('counts a contraction or slang word as the words it expands to, whichever apostrophe it has', () => {
    expect(countWords("I don't know")).toBe(4);
    expect(countWords('I don’t know')).toBe(4);
    expect(countWords("gonna be late, y'all, btw")).toBe(9);
  });

  it('splits a line with Punkt, keeping tags and inner questions in their sentence', () => {
    expect(splitSentences('  Big news from the lab! #science 🎉 More soon.  ')).toEqual([
      'Big news from the lab! #science 🎉',
      'More soon.',
    ]);
    expect(splitSentences('I need more time (2 weeks?) and a reply. Thanks.')).toEqual([
      'I need more time (2 weeks?) and a reply.',
      'Thanks.',
    ]);
  });
});
