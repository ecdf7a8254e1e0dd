import { TailorError } from './tailor-error.js';

/**
 * A call to a language or embedding model failed (after retries, if any). `retryable` tells whether
 * trying again later may succeed (429, 5xx, timeouts, network errors).
 */
export class ModelCallError extends TailorError {
  readonly provider: string;
  readonly modelId: string;
  readonly status: number | undefined;
  readonly retryable: boolean;
  /**
   * True when the model answered, but with nothing usable (an empty draft, malformed JSON), even after
   * being asked again: a failure of this one request, not of the model's availability.
   */
  readonly unusable: boolean;

  constructor(options: {
    provider: string;
    modelId: string;
    message: string;
    status?: number;
    retryable: boolean;
    unusable?: boolean;
    cause?: unknown;
  }) {
    super({ code: 'model-call-failed', message: options.message, cause: options.cause });
    this.name = 'ModelCallError';
    this.provider = options.provider;
    this.modelId = options.modelId;
    this.status = options.status;
    this.retryable = options.retryable;
    this.unusable = options.unusable ?? false;
  }

  static override isInstance(error: unknown): error is ModelCallError {
    return TailorError.isInstance(error) && error.code === 'model-call-failed';
  }
}
