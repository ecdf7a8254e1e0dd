/**
 * Trailing moving average: entry i is the mean of values[max(0, i - window + 1) .. i], so the first
 * entries average over fewer values. Throws RangeError when the window is not an integer >= 1.
 *
 * @example movingAverage([4, 2, 0], 2) // [4, 3, 1]
 */
export function movingAverage(values: readonly number[], window: number): number[] {
  if (!Number.isInteger(window) || window < 1) {
    throw new RangeError(`window must be an integer >= 1, got ${window}`);
  }
  const result: number[] = [];
  let sum = 0;
  values.forEach((value, index) => {
    sum += value;
    if (index >= window) sum -= values[index - window] ?? 0;
    result.push(sum / Math.min(index + 1, window));
  });
  return result;
}
