import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../spec/index.js';
import { zeroEditRate, zeroEditRateBins } from './zero-edit-rate.js';

describe('zero-edit rate', () => {
  it('is the fraction of rounds with cost 0, per bin of 20 by default', () => {
    // 45 rounds: the first bin has 5 zero-cost rounds, the second 20, the third (5 rounds) 1.
    const costs = [
      ...Array.from({ length: 20 }, (_, index) => (index < 5 ? 0 : 4)),
      ...Array.from({ length: 20 }, () => 0),
      0,
      2,
      2,
      2,
      2,
    ];
    const records = costs.map((cost) => ({ cost }));
    expect(zeroEditRateBins(records)).toEqual([0.25, 1, 0.2]);
    expect(zeroEditRate(records)).toBeCloseTo(26 / 45, 12);
  });

  it('takes a custom bin size and rejects a bad one', () => {
    const records = [0, 1, 0, 0].map((cost) => ({ cost }));
    expect(zeroEditRateBins(records, 2)).toEqual([0.5, 1]);
    expect(() => zeroEditRateBins(records, 0)).toThrow(InvalidInputError);
    expect(zeroEditRate([])).toBe(0);
  });
});
