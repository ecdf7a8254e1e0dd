import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenEditDistance, wordEditDistance } from './word-edit-distance.js';

/** Textbook full-matrix Levenshtein, the reference the fast path must agree with. */
function naiveDistance(a: readonly string[], b: readonly string[]): number {
  const table: number[][] = [];
  for (let row = 0; row <= a.length; row += 1) {
    table.push([]);
    for (let column = 0; column <= b.length; column += 1) {
      if (row === 0 || column === 0) {
        table[row]![column] = row + column;
        continue;
      }
      const same = a[row - 1] === b[column - 1];
      table[row]![column] = Math.min(
        table[row - 1]![column - 1]! + (same ? 0 : 1),
        table[row - 1]![column]! + 1,
        table[row]![column - 1]! + 1,
      );
    }
  }
  return table[a.length]![b.length]!;
}

// A small vocabulary makes shared tokens (and so non-trivial alignments) common.
const vocabulary = [
  'the',
  'a',
  'cat',
  'dog',
  '.',
  ',',
  "n't",
  '``',
  "''",
  'é',
  '🙂',
  '__proto__',
  'constructor',
];
const tokens = fc.array(fc.constantFrom(...vocabulary), { maxLength: 60 });
const mixedTokens = fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.string({ maxLength: 3 })), {
  maxLength: 80,
});

describe('tokenEditDistance', () => {
  it('agrees with the naive dynamic programme', () => {
    fc.assert(
      fc.property(mixedTokens, mixedTokens, (a, b) => tokenEditDistance(a, b) === naiveDistance(a, b)),
      {
        numRuns: 500,
      },
    );
  });

  it('agrees on sequences longer than one 32-bit block', () => {
    const long = fc.array(fc.constantFrom(...vocabulary), { minLength: 33, maxLength: 200 });
    fc.assert(
      fc.property(long, long, (a, b) => tokenEditDistance(a, b) === naiveDistance(a, b)),
      { numRuns: 100 },
    );
  });

  it('is symmetric', () => {
    fc.assert(fc.property(tokens, tokens, (a, b) => tokenEditDistance(a, b) === tokenEditDistance(b, a)));
  });

  it('is zero exactly for equal sequences', () => {
    fc.assert(
      fc.property(tokens, tokens, (a, b) => {
        expect(tokenEditDistance(a, a)).toBe(0);
        const equal = a.length === b.length && a.every((token, index) => token === b[index]);
        return (tokenEditDistance(a, b) === 0) === equal;
      }),
    );
  });

  it('satisfies the triangle inequality', () => {
    fc.assert(
      fc.property(
        tokens,
        tokens,
        tokens,
        (a, b, c) => tokenEditDistance(a, c) <= tokenEditDistance(a, b) + tokenEditDistance(b, c),
      ),
    );
  });

  it('lies between the length difference and the longer length', () => {
    fc.assert(
      fc.property(tokens, tokens, (a, b) => {
        const value = tokenEditDistance(a, b);
        return value >= Math.abs(a.length - b.length) && value <= Math.max(a.length, b.length);
      }),
    );
  });

  it('falls back to the dynamic programme past 65,536 distinct tokens', () => {
    const many = Array.from({ length: 70_000 }, (_, index) => `t${index}`);
    const kept = [many[5]!, many[40_000]!, many[69_999]!];
    // `kept` is a subsequence of `many`: deleting everything else is optimal.
    expect(tokenEditDistance(many, kept)).toBe(many.length - kept.length);
    expect(tokenEditDistance(kept, [...kept.slice(0, 2), 'other'])).toBe(1);
  });
});

describe('wordEditDistance', () => {
  it('counts edits over NLTK-style word tokens', () => {
    // ['I','do',"n't",'like','it','.'] vs ['I','do','not','like','it','!']
    expect(wordEditDistance("I don't like it.", 'I do not like it!')).toBe(2);
    // Punctuation is its own token: adding a comma is one insertion.
    expect(wordEditDistance('Yes we can.', 'Yes, we can.')).toBe(1);
    // Whitespace and line breaks alone cost nothing.
    expect(wordEditDistance('One two.\nThree four.', 'One  two.   Three four.')).toBe(0);
  });

  it('is zero for an accepted draft and counts every token of a rewrite from nothing', () => {
    const draft = 'Dear Ann, thanks for the notes. See you Monday!';
    expect(wordEditDistance(draft, draft)).toBe(0);
    expect(wordEditDistance('', draft)).toBe(12);
  });
});
