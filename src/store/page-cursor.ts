import type { Page } from '../spec/index.js';
import { InvalidInputError } from '../spec/index.js';

/**
 * Keyset pagination shared by the stores: a page holds the rows after the cursor's sequence, oldest
 * first, and its cursor is the sequence of its last row, so rows added or deleted meanwhile never
 * shift a page (no OFFSET). The cursor is opaque to callers: `s` and the sequence in base 36.
 */
export function afterSequence(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const match = /^s([0-9a-z]{1,11})$/.exec(cursor);
  const sequence = match?.[1] === undefined ? Number.NaN : Number.parseInt(match[1], 36);
  if (!Number.isSafeInteger(sequence)) {
    throw new InvalidInputError({
      field: 'cursor',
      value: cursor,
      accepted: 'the nextCursor of an earlier page, as it was returned',
    });
  }
  return sequence;
}

/** Checks a page size: an integer >= 1. */
export function validatePageLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new InvalidInputError({ field: 'limit', value: limit, accepted: 'an integer >= 1' });
  }
}

/**
 * The page of `limit` items out of up to `limit + 1` rows read after the cursor (one more than asked
 * says whether another page follows), with the cursor of that next page.
 */
export function pageOf<Row, Item>(
  rows: readonly Row[],
  limit: number,
  sequenceOf: (row: Row) => number,
  toItem: (row: Row) => Item,
): Page<Item> {
  const kept = rows.slice(0, limit);
  const last = kept.at(-1);
  return {
    items: kept.map(toItem),
    next: rows.length > limit && last !== undefined ? `s${sequenceOf(last).toString(36)}` : null,
  };
}
