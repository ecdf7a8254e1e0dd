import { TailorError } from '../spec/index.js';

/** A request over its key's rate limit or its tenant's concurrency cap (HTTP 429 with Retry-After). */
export class RateLimitedError extends TailorError {
  readonly retryAfterSeconds: number;

  constructor(options: { message: string; retryAfterSeconds: number; cause?: unknown }) {
    super({ code: 'rate-limited', message: options.message, cause: options.cause });
    this.name = 'RateLimitedError';
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  static override isInstance(error: unknown): error is RateLimitedError {
    return TailorError.isInstance(error) && error.code === 'rate-limited';
  }
}
