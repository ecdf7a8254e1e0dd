import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../spec/index.js';
import { meanSeries, meanStd } from './mean-std.js';

describe('meanStd', () => {
  it('gives the mean and the sample standard deviation', () => {
    const { mean, std } = meanStd([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(mean).toBe(5);
    expect(std).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(meanStd([3])).toEqual({ mean: 3, std: 0 });
    expect(() => meanStd([])).toThrow(InvalidInputError);
  });
});

describe('meanSeries', () => {
  it('averages series element-wise, over the series that reach each index', () => {
    expect(
      meanSeries([
        [1, 2, 3],
        [3, 4],
        [5, 6, 9],
      ]),
    ).toEqual([3, 4, 6]);
    expect(meanSeries([])).toEqual([]);
  });
});
