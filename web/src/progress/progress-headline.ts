/** The story of the edit costs in one line: the first drafts against the last ones. */
export interface ProgressHeadline {
  /** How many drafts each end averages (up to 10, at most half of them). */
  readonly window: number;
  readonly first: number;
  readonly last: number;
  /** E.g. "67% fewer edits", "no change", "40% more edits". */
  readonly change: string;
  readonly text: string;
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * "Edits per draft: first 10 → last 10" over the answered drafts' costs, oldest first; undefined with
 * fewer than two drafts (nothing to compare yet).
 *
 * @example
 * progressHeadline([12, 10, 4, 2])?.text; // 'Word edits per draft: 11.0 (first 2) → 3.0 (last 2), 73% fewer'
 */
export function progressHeadline(costs: readonly number[], most = 10): ProgressHeadline | undefined {
  if (costs.length < 2) return undefined;
  const window = Math.min(most, Math.floor(costs.length / 2));
  const first = mean(costs.slice(0, window));
  const last = mean(costs.slice(-window));
  const change =
    first === last
      ? 'no change'
      : first === 0
        ? 'more edits than at first'
        : `${Math.round((Math.abs(first - last) / first) * 100)}% ${last < first ? 'fewer' : 'more'} edits`;
  const span = (end: string) => (window === 1 ? `${end} draft` : `${end} ${window}`);
  return {
    window,
    first,
    last,
    change,
    text: `Word edits per draft: ${first.toFixed(1)} (${span('first')}) → ${last.toFixed(1)} (${span('last')}), ${change}`,
  };
}
