import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TopK } from './top-k.js';

describe('TopK', () => {
  it('keeps the same k as a full sort, ties to the smaller sequence', () => {
    fc.assert(
      fc.property(
        // NOTE: few distinct scores, so ties are common.
        fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 12 }),
        (scores, k) => {
          const best = new TopK(k);
          // NOTE: offered out of sequence order, so ties are decided by sequence, not arrival.
          const items = scores.map((score, index) => ({ score: score / 4, sequence: (index * 7) % 61 }));
          const unique = [...new Map(items.map((item) => [item.sequence, item])).values()];
          unique.forEach((item, row) => best.offer(item.score, item.sequence, row));
          const expected = [...unique]
            .sort((left, right) => right.score - left.score || left.sequence - right.sequence)
            .slice(0, k);
          expect(best.sorted().map(({ similarity, sequence }) => [similarity, sequence])).toEqual(
            expected.map(({ score, sequence }) => [score, sequence]),
          );
        },
      ),
    );
  });

  it('reports -Infinity until full, then the worst kept score', () => {
    const best = new TopK(2);
    expect(best.threshold).toBe(-Infinity);
    best.offer(0.5, 1, 0);
    expect(best.threshold).toBe(-Infinity);
    best.offer(0.9, 2, 1);
    expect(best.threshold).toBe(0.5);
    best.offer(0.7, 3, 2);
    expect(best.threshold).toBe(0.7);
    expect(best.sorted()).toEqual([
      { similarity: 0.9, sequence: 2, row: 1 },
      { similarity: 0.7, sequence: 3, row: 2 },
    ]);
  });
});
