import { InvalidInputError } from '../spec/index.js';

/** Returns `value` when it is an integer >= 1; throws InvalidInputError naming `field` otherwise. */
export function requirePositiveInteger(field: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new InvalidInputError({ field, value, accepted: 'an integer >= 1' });
  }
  return value;
}
