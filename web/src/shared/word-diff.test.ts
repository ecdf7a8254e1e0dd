import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordEditDistance } from '../../../src/core/metrics/word-edit-distance.js';
import { wordTokenize } from '../../../src/core/metrics/word-tokenize.js';
import { wordDiff } from './word-diff.js';

const rebuild = (parts: ReturnType<typeof wordDiff>['parts'], skip: 'added' | 'removed') =>
  parts
    .filter((part) => part.kind !== skip)
    .map((part) => part.text)
    .join('');

describe('wordDiff', () => {
  it('marks removed and added words and keeps the rest, so both texts can be rebuilt', () => {
    const draft = 'The cat sat on the mat.';
    const edited = 'The dog sat on the mat.';
    const { parts, added, removed } = wordDiff(draft, edited);
    expect(parts).toContainEqual({ kind: 'removed', text: 'cat' });
    expect(parts).toContainEqual({ kind: 'added', text: 'dog' });
    expect(added).toBe(1);
    expect(removed).toBe(1);
    expect(rebuild(parts, 'added')).toBe(draft);
    expect(rebuild(parts, 'removed')).toBe(edited);
  });

  it('reports no change for identical texts', () => {
    const result = wordDiff('Same text.', 'Same text.');
    expect(result.added + result.removed).toBe(0);
    expect(result.parts.every((part) => part.kind === 'same')).toBe(true);
  });

  it('counts words and punctuation of a bullet rewrite', () => {
    const { added } = wordDiff('Paris is big.', '- Paris is big.\n- It is old.');
    expect(added).toBeGreaterThanOrEqual(5);
  });

  it('counts what the edit cost counts: contraction parts and quotes are tokens', () => {
    const { parts, added, removed } = wordDiff('I do not agree.', "I don't agree.");
    expect(parts).toEqual([
      { kind: 'same', text: 'I do' },
      { kind: 'removed', text: ' not' },
      { kind: 'added', text: "n't" },
      { kind: 'same', text: ' agree.' },
    ]);
    expect([added, removed]).toEqual([1, 1]);
  });

  it('rebuilds both texts and agrees with the cost on any edit', () => {
    const text = fc
      .array(fc.constantFrom('The', 'cat', "don't", 'Mr.', '"', '.', ',', '!', ' ', '  ', '\n', '- '), {
        maxLength: 25,
      })
      .map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(text, text, (draft, edited) => {
        const { parts, added, removed } = wordDiff(draft, edited);
        expect(rebuild(parts, 'added')).toBe(draft);
        expect(rebuild(parts, 'removed')).toBe(edited);
        expect(added - removed).toBe(wordTokenize(edited).length - wordTokenize(draft).length);
        expect(added + removed === 0).toBe(wordEditDistance(draft, edited) === 0);
      }),
      { numRuns: 1000 },
    );
  });
});
