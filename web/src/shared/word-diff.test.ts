import { describe, expect, it } from 'vitest';
import { wordDiff } from './word-diff.js';

describe('wordDiff', () => {
  it('marks removed and added words and keeps the rest, so both texts can be rebuilt', () => {
    const draft = 'The cat sat on the mat.';
    const edited = 'The dog sat on the mat.';
    const { parts, added, removed } = wordDiff(draft, edited);
    expect(parts).toContainEqual({ kind: 'removed', text: 'cat' });
    expect(parts).toContainEqual({ kind: 'added', text: 'dog' });
    expect(added).toBe(1);
    expect(removed).toBe(1);
    const rebuild = (skip: 'added' | 'removed') =>
      parts
        .filter((part) => part.kind !== skip)
        .map((part) => part.text)
        .join('');
    expect(rebuild('added')).toBe(draft);
    expect(rebuild('removed')).toBe(edited);
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
});
