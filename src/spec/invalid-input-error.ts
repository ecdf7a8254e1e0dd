import { TailorError } from './tailor-error.js';

/**
 * Bad input from a caller: names the field, the offending value and what would be accepted.
 *
 * @example
 * throw new InvalidInputError({ field: 'k', value: 0, accepted: 'an integer >= 1' });
 */
export class InvalidInputError extends TailorError {
  readonly field: string;
  readonly value: unknown;
  readonly accepted: string | undefined;

  constructor(options: {
    field: string;
    value?: unknown;
    accepted?: string;
    message?: string;
    cause?: unknown;
  }) {
    const shown = options.value === undefined ? '' : ` ${JSON.stringify(options.value)?.slice(0, 80)}`;
    const accepted = options.accepted ? `; accepted: ${options.accepted}` : '';
    super({
      code: 'invalid-input',
      message: options.message ?? `invalid ${options.field}${shown}${accepted}`,
      cause: options.cause,
    });
    this.name = 'InvalidInputError';
    this.field = options.field;
    this.value = options.value;
    this.accepted = options.accepted;
  }

  static override isInstance(error: unknown): error is InvalidInputError {
    return TailorError.isInstance(error) && error.code === 'invalid-input';
  }
}
