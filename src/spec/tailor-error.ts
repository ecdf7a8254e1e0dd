const marker = Symbol.for('tailor.error');

/**
 * Base class of every error Tailor throws on purpose. Carries a stable `code`, structured fields
 * and always forwards `cause`. Edges map codes to HTTP statuses and exit codes in one place.
 */
export class TailorError extends Error {
  readonly [marker] = true;
  /** Stable machine-readable code, e.g. `invalid-input`. */
  readonly code: string;

  constructor(options: { code: string; message: string; cause?: unknown }) {
    super(options.message, { cause: options.cause });
    this.name = 'TailorError';
    this.code = options.code;
  }

  /** True for any TailorError, even one from another copy of the package. */
  static isInstance(error: unknown): error is TailorError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
