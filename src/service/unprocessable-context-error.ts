import { TailorError } from '../spec/index.js';

/**
 * The request was well formed but its context cannot be processed: the embedder rejected it (e.g. a
 * text with no words, or longer than the embedding model takes). The HTTP API answers 422.
 */
export class UnprocessableContextError extends TailorError {
  readonly field: string;

  constructor(options: { field: string; message: string; cause?: unknown }) {
    super({ code: 'unprocessable', message: options.message, cause: options.cause });
    this.name = 'UnprocessableContextError';
    this.field = options.field;
  }

  static override isInstance(error: unknown): error is UnprocessableContextError {
    return TailorError.isInstance(error) && error.code === 'unprocessable';
  }
}
