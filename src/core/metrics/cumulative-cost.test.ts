import { describe, expect, it } from 'vitest';
import { cumulativeCostSeries, totalCost } from './cumulative-cost.js';

describe('cumulative cost', () => {
  it('is the running total of the round costs', () => {
    const records = [3, 0, 5, 0, 1].map((cost) => ({ cost }));
    expect(cumulativeCostSeries(records)).toEqual([3, 3, 8, 8, 9]);
    expect(totalCost(records)).toBe(9);
    expect(cumulativeCostSeries([])).toEqual([]);
    expect(totalCost([])).toBe(0);
  });
});
