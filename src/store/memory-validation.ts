import type { NewMemoryEntry } from '../spec/index.js';
import { ConflictError, InvalidInputError } from '../spec/index.js';

/**
 * Checks shared by the SQL `Memory` stores, so SQLite and PostgreSQL reject the same inputs with the
 * same errors as the port documents (src/spec/memory.ts).
 */
export function validateNewEntry(entry: NewMemoryEntry): void {
  if (entry.embedding.length === 0) {
    throw new InvalidInputError({ field: 'embedding', value: [], accepted: 'a non-empty vector' });
  }
  if (!entry.embedding.every(Number.isFinite)) {
    throw new InvalidInputError({ field: 'embedding', accepted: 'a vector of finite numbers' });
  }
  if (entry.kind === 'preference' && (entry.preference === null || entry.preference.trim() === '')) {
    throw new InvalidInputError({
      field: 'preference',
      value: entry.preference,
      accepted: 'a non-empty text when kind is "preference"',
    });
  }
  if (entry.kind === 'pair' && entry.pair === null) {
    throw new InvalidInputError({
      field: 'pair',
      value: null,
      accepted: 'an { original, edited } pair when kind is "pair"',
    });
  }
}

/** `k` of `nearest`: an integer >= 1. */
export function validateK(k: number): void {
  if (!Number.isInteger(k) || k < 1) {
    throw new InvalidInputError({ field: 'k', value: k, accepted: 'an integer >= 1' });
  }
}

/** `last` of `list`: absent or an integer >= 0. */
export function validateLast(last: number | undefined): void {
  if (last !== undefined && (!Number.isInteger(last) || last < 0)) {
    throw new InvalidInputError({ field: 'last', value: last, accepted: 'an integer >= 0' });
  }
}

/** A query or new entry whose dimension differs from the scope's stored embeddings. */
export function dimensionError(received: number, stored: number): InvalidInputError {
  return new InvalidInputError({
    field: 'embedding',
    value: `${received} dimensions`,
    accepted: `${stored} dimensions, the dimension of the embeddings stored in this scope`,
  });
}

/** Checks a rewording before it is stored: only preference entries, never empty. */
export function validateRewording(kind: string, preference: string | undefined): void {
  if (preference === undefined) return;
  if (kind !== 'preference') {
    throw new InvalidInputError({
      field: 'preference',
      value: preference,
      accepted: 'a preference text, only on entries of kind "preference"',
    });
  }
  if (preference.trim() === '') {
    throw new InvalidInputError({ field: 'preference', value: preference, accepted: 'a non-empty text' });
  }
}

/** Now, or one millisecond after `previous` when the clock has not moved, so updates are visible. */
export function laterTimestamp(previous: string): string {
  return new Date(Math.max(Date.now(), Date.parse(previous) + 1)).toISOString();
}

/** A second entry for one interaction (it was learned from already: learning twice is refused). */
export function duplicateInteractionError(interactionId: string | null, cause?: unknown): ConflictError {
  return new ConflictError({
    message: `a memory entry for interaction ${JSON.stringify(interactionId)} already exists; it was learned from already`,
    cause,
  });
}

/** Whether a driver error is a unique-constraint violation (SQLite or PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** `after` and `limit` of `list` (reading in pages): an integer, an integer >= 0, never with `last`. */
export function validatePage(options: {
  readonly last?: number;
  readonly after?: number;
  readonly limit?: number;
}): void {
  if (options.after !== undefined && !Number.isSafeInteger(options.after)) {
    throw new InvalidInputError({
      field: 'after',
      value: options.after,
      accepted: 'an integer (a sequence)',
    });
  }
  if (options.limit !== undefined && (!Number.isInteger(options.limit) || options.limit < 0)) {
    throw new InvalidInputError({ field: 'limit', value: options.limit, accepted: 'an integer >= 0' });
  }
  if (options.limit !== undefined && options.last !== undefined) {
    throw new InvalidInputError({
      field: 'limit',
      value: options.limit,
      accepted: 'either last (the newest n) or limit (the oldest n after `after`), not both',
    });
  }
}
