import { TailorError } from '../spec/index.js';

/** A request without a valid, unrevoked API key (HTTP 401). Never says which part was wrong. */
export class UnauthorizedError extends TailorError {
  constructor(options: { message?: string; cause?: unknown } = {}) {
    super({
      code: 'unauthorized',
      message:
        options.message ??
        'a valid API key is required: send "Authorization: Bearer <key>" (create one with `tailor keys create --tenant NAME`)',
      cause: options.cause,
    });
    this.name = 'UnauthorizedError';
  }

  static override isInstance(error: unknown): error is UnauthorizedError {
    return TailorError.isInstance(error) && error.code === 'unauthorized';
  }
}
