import { describe, expect, it } from 'vitest';
import { movingAverage } from './moving-average.js';

describe('movingAverage', () => {
  it('averages over the values seen so far until the window is full, then over the last `window`', () => {
    expect(movingAverage([10, 20, 30, 40, 50], 3)).toEqual([10, 15, 20, 30, 40]);
  });

  it('is the identity with a window of 1 and empty for no values', () => {
    expect(movingAverage([3, 0, 7], 1)).toEqual([3, 0, 7]);
    expect(movingAverage([], 5)).toEqual([]);
  });

  it('rejects a window that is not a positive integer', () => {
    expect(() => movingAverage([1], 0)).toThrow(/window must be an integer >= 1, got 0/);
    expect(() => movingAverage([1], 2.5)).toThrow(RangeError);
  });
});
