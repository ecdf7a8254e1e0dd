import { InvalidInputError } from '../../spec/index.js';

/** Mean and sample standard deviation, e.g. over seeds. */
export interface MeanStd {
  readonly mean: number;
  /** Sample standard deviation (n − 1 in the denominator); 0 for a single value. */
  readonly std: number;
}

/** Mean and sample standard deviation of the values. Throws InvalidInputError for no values. */
export function meanStd(values: readonly number[]): MeanStd {
  if (values.length === 0) {
    throw new InvalidInputError({ field: 'values', value: [], accepted: 'at least one number' });
  }
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  if (values.length === 1) return { mean, std: 0 };
  const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return { mean, std: Math.sqrt(squares / (values.length - 1)) };
}

/**
 * The element-wise mean of several series (e.g. cumulative-cost curves of several seeds). Series of
 * different lengths are averaged over the series that reach each index.
 */
export function meanSeries(series: readonly (readonly number[])[]): number[] {
  const length = Math.max(0, ...series.map((values) => values.length));
  return Array.from({ length }, (_, index) => {
    const present = series.flatMap((values) => (index < values.length ? [values[index] as number] : []));
    return present.reduce((sum, value) => sum + value, 0) / present.length;
  });
}
