import { TailorError } from './tailor-error.js';

/** The request contradicts stored state, e.g. learning twice from one interaction. */
export class ConflictError extends TailorError {
  constructor(options: { message: string; cause?: unknown }) {
    super({ code: 'conflict', message: options.message, cause: options.cause });
    this.name = 'ConflictError';
  }

  static override isInstance(error: unknown): error is ConflictError {
    return TailorError.isInstance(error) && error.code === 'conflict';
  }
}
