import type { TailorApiErrorCode } from '../../../src/client/index.js';

/**
 * Codes the page can see: the service's error codes (from its OpenAPI document) plus `network` (the
 * server could not be reached) and `bad-response` (the server answered with something that is not the
 * API's JSON).
 */
export type ApiErrorCode = TailorApiErrorCode | 'network' | 'bad-response';

/** Every code of the API, once (the compiler checks the list against the OpenAPI document's). */
const apiCodes: Readonly<Record<TailorApiErrorCode, true>> = {
  'invalid-input': true,
  'not-found': true,
  conflict: true,
  unauthorized: true,
  forbidden: true,
  'payload-too-large': true,
  'rate-limited': true,
  unprocessable: true,
  'model-call-failed': true,
  internal: true,
};

/** A failed API call, with the service's code, message and the offending field when it named one. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  /** HTTP status, 0 when the server could not be reached. */
  readonly status: number;
  readonly field: string | undefined;

  constructor(options: {
    code: ApiErrorCode;
    message: string;
    status: number;
    field?: string;
    cause?: unknown;
  }) {
    super(options.message, { cause: options.cause });
    this.name = 'ApiError';
    this.code = options.code;
    this.status = options.status;
    this.field = options.field;
  }

  static isInstance(error: unknown): error is ApiError {
    return error instanceof ApiError;
  }
}

/**
 * A sentence for a person: what went wrong and what they can do. The service's own message is kept
 * (it names the bad input and what is accepted) and prefixed with the situation.
 */
export function describeApiError(error: unknown): string {
  if (!ApiError.isInstance(error)) {
    return `Something went wrong in the page: ${error instanceof Error ? error.message : String(error)}`;
  }
  switch (error.code) {
    case 'network':
      return 'Cannot reach the Tailor server. Check that it is running (npm start), then try again.';
    case 'unauthorized':
      return 'The server refused the API key. Paste the key printed by `npm start` in the API key field.';
    case 'forbidden':
      return `This key may not do that: ${error.message}`;
    case 'rate-limited':
      return `Too many requests for now: ${error.message} Wait a moment, then try again.`;
    case 'payload-too-large':
      return `That is too long for the server: ${error.message}`;
    case 'model-call-failed':
      return `The writing model failed: ${error.message} Nothing was lost; try again.`;
    case 'invalid-input':
    case 'unprocessable':
      return `The server did not accept this: ${error.message}`;
    case 'not-found':
      return `Not found: ${error.message}`;
    case 'conflict':
      return `Already done: ${error.message}`;
    case 'bad-response':
    case 'internal':
      return `The server had a problem: ${error.message}`;
  }
}

/**
 * The error of a failed answer: the service's code, message and field from its error body; a body that
 * is not the API's (a proxy's 413 page, an HTML error) keeps the status and says what came back.
 */
export function errorFromBody(response: Response, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; field?: unknown } } | undefined)
    ?.error;
  const status = response.status;
  if (typeof error?.code !== 'string' || !Object.hasOwn(apiCodes, error.code)) {
    const text = typeof body === 'string' ? body.slice(0, 200) : '';
    return new ApiError({
      code: status === 413 ? 'payload-too-large' : typeof body === 'string' ? 'bad-response' : 'internal',
      status,
      message: `HTTP ${status}: ${text || response.statusText}`,
    });
  }
  return new ApiError({
    code: error.code as TailorApiErrorCode,
    status,
    message: typeof error.message === 'string' ? error.message : `HTTP ${status}`,
    ...(typeof error.field === 'string' ? { field: error.field } : {}),
  });
}
