import {
  APICallError,
  EmptyResponseBodyError,
  InvalidResponseDataError,
  JSONParseError,
  NoContentGeneratedError,
  NoOutputGeneratedError,
  RetryError,
  TypeValidationError,
} from 'ai';
import { ModelCallError } from '../spec/index.js';
import { retryAfterMs } from './retry-after.js';

/** The model a call went to, for error messages. */
export interface ModelTarget {
  readonly provider: string;
  readonly modelId: string;
  /** How errors name the model, e.g. `writer --writer openai:gpt-4o` (default `<provider>:<modelId>`). */
  readonly label?: string;
}

/** The name of a target in error messages: its label, or `<provider>:<modelId>`. */
export function targetName(target: ModelTarget): string {
  return target.label ?? `${target.provider}:${target.modelId}`;
}

/** HTTP statuses worth retrying: timeout, conflict, rate limit, and every server error. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

const networkCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** True for errors of the transport: refused or reset connections, a body cut off mid-way. */
function isNetworkError(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && networkCodes.has(code)) return true;
    if (current instanceof TypeError && /fetch failed|terminated|network/i.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}

function malformed(error: unknown): boolean {
  return (
    JSONParseError.isInstance(error) ||
    TypeValidationError.isInstance(error) ||
    InvalidResponseDataError.isInstance(error) ||
    EmptyResponseBodyError.isInstance(error) ||
    NoContentGeneratedError.isInstance(error) ||
    NoOutputGeneratedError.isInstance(error)
  );
}

/**
 * Map any failure of an AI SDK call to a ModelCallError with the HTTP status (when there was one), the
 * server's Retry-After (in `retryAfterMs`, used by the call policy) and whether a retry may succeed:
 * 408/409/429/5xx, network errors and malformed or cut-off responses are retryable; other 4xx and
 * unknown errors are not. A ModelCallError passes through unchanged.
 */
export function toModelCallError(
  error: unknown,
  target: ModelTarget,
): ModelCallError & { retryAfterMs?: number } {
  if (ModelCallError.isInstance(error)) return error;
  const name = targetName(target);
  const { provider, modelId } = target;
  if (RetryError.isInstance(error) && error.lastError !== undefined) {
    return toModelCallError(error.lastError, target);
  }
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    // NOTE: a 2xx whose body could not be read (bad JSON, wrong shape) is retried like a 5xx.
    const unreadable = status !== undefined && status < 300 && malformed(error.cause);
    const retryable = error.isRetryable || unreadable || (status !== undefined && isRetryableStatus(status));
    const result = new ModelCallError({
      provider,
      modelId,
      message: `${name}: ${status === undefined ? '' : `HTTP ${status}: `}${error.message}`,
      status,
      retryable,
      cause: error,
    });
    const wait = retryAfterMs(error.responseHeaders);
    return wait === undefined ? result : Object.assign(result, { retryAfterMs: wait });
  }
  if (malformed(error)) {
    return new ModelCallError({
      provider,
      modelId,
      message: `${name}: malformed or incomplete response: ${(error as Error).message}`,
      retryable: true,
      cause: error,
    });
  }
  if (isNetworkError(error)) {
    return new ModelCallError({
      provider,
      modelId,
      message: `${name}: network error: ${(error as Error).message}`,
      retryable: true,
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ModelCallError({
    provider,
    modelId,
    message: `${name}: ${message}`,
    retryable: false,
    cause: error,
  });
}
