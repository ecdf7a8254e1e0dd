import { TailorError } from '../spec/index.js';

/** An authenticated request outside what its credential may touch (HTTP 403), e.g. another user. */
export class ForbiddenError extends TailorError {
  constructor(options: { readonly message: string; readonly cause?: unknown }) {
    super({ code: 'forbidden', message: options.message, cause: options.cause });
    this.name = 'ForbiddenError';
  }

  static override isInstance(error: unknown): error is ForbiddenError {
    return TailorError.isInstance(error) && error.code === 'forbidden';
  }
}
