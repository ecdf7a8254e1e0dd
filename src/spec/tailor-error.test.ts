import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './invalid-input-error.js';
import { NotFoundError } from './not-found-error.js';
import { TailorError } from './tailor-error.js';

describe('TailorError', () => {
  it('names the field, the value and what is accepted', () => {
    const error = new InvalidInputError({ field: 'k', value: 0, accepted: 'an integer >= 1' });
    expect(error.message).toBe('invalid k 0; accepted: an integer >= 1');
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect(NotFoundError.isInstance(error)).toBe(false);
    expect(TailorError.isInstance(error)).toBe(true);
    expect(TailorError.isInstance(new Error('plain'))).toBe(false);
  });

  it('forwards the cause', () => {
    const cause = new Error('disk full');
    expect(new NotFoundError({ entity: 'interaction', id: 'x', cause }).cause).toBe(cause);
  });
});
