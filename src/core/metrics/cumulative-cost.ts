import type { RoundRecord } from '../round-record.js';

/** The running total of the cost after each round (the paper's cumulative-cost curve). */
export function cumulativeCostSeries(records: readonly Pick<RoundRecord, 'cost'>[]): number[] {
  let total = 0;
  return records.map((record) => (total += record.cost));
}

/** The cumulative cost of a run: the sum of its rounds' costs. */
export function totalCost(records: readonly Pick<RoundRecord, 'cost'>[]): number {
  return records.reduce((sum, record) => sum + record.cost, 0);
}
