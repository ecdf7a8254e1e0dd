import { InvalidInputError } from '../../spec/index.js';
import type { RoundRecord } from '../round-record.js';

/** The paper's bin size for learning curves. */
export const defaultBinSize = 20;

/** The fraction of rounds the user accepted without editing (cost 0); 0 for no rounds. */
export function zeroEditRate(records: readonly Pick<RoundRecord, 'cost'>[]): number {
  if (records.length === 0) return 0;
  return records.filter((record) => record.cost === 0).length / records.length;
}

/**
 * The zero-edit rate of each consecutive bin of `binSize` rounds (rounds 1–20, 21–40, ...). A last,
 * shorter bin is reported over the rounds it holds.
 */
export function zeroEditRateBins(
  records: readonly Pick<RoundRecord, 'cost'>[],
  binSize: number = defaultBinSize,
): number[] {
  if (!Number.isSafeInteger(binSize) || binSize < 1) {
    throw new InvalidInputError({ field: 'binSize', value: binSize, accepted: 'an integer >= 1' });
  }
  const bins: number[] = [];
  for (let start = 0; start < records.length; start += binSize) {
    bins.push(zeroEditRate(records.slice(start, start + binSize)));
  }
  return bins;
}
