import { TailorError } from '../spec/index.js';

/** A request body over the service's limit (HTTP 413). */
export class PayloadTooLargeError extends TailorError {
  readonly limitBytes: number;

  constructor(options: { limitBytes: number; cause?: unknown }) {
    super({
      code: 'payload-too-large',
      message: `the request body is larger than ${options.limitBytes} bytes; send a shorter context or edit`,
      cause: options.cause,
    });
    this.name = 'PayloadTooLargeError';
    this.limitBytes = options.limitBytes;
  }

  static override isInstance(error: unknown): error is PayloadTooLargeError {
    return TailorError.isInstance(error) && error.code === 'payload-too-large';
  }
}
