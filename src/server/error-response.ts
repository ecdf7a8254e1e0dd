import type { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  ConflictError,
  InvalidInputError,
  ModelCallError,
  NotFoundError,
  TailorError,
} from '../spec/index.js';
import { PayloadTooLargeError } from './payload-too-large-error.js';
import { RateLimitedError } from './rate-limited-error.js';
import { ForbiddenError } from './forbidden-error.js';
import { UnauthorizedError } from './unauthorized-error.js';
import { UnprocessableContextError } from '../service/unprocessable-context-error.js';
import type { ErrorBody as ErrorBodySchema } from './api-schemas.js';

/** The API's error codes (docs: /work/notes/api.md), as the OpenAPI document's `ErrorBody` lists them. */
export type ApiErrorCode = z.infer<typeof ErrorBodySchema>['error']['code'];

/** What every failed request answers. */
export interface ErrorBody {
  readonly error: { readonly code: ApiErrorCode; readonly message: string; readonly field?: string };
}

/** An error mapped to its status and body; `internal` hides the message from the caller. */
export function describeError(error: unknown): { status: ContentfulStatusCode; body: ErrorBody } {
  const body = (code: ApiErrorCode, message: string, field?: string): ErrorBody => ({
    error: field === undefined ? { code, message } : { code, message, field },
  });
  if (InvalidInputError.isInstance(error)) {
    return { status: 400, body: body('invalid-input', error.message, error.field) };
  }
  if (UnauthorizedError.isInstance(error)) return { status: 401, body: body('unauthorized', error.message) };
  if (ForbiddenError.isInstance(error)) return { status: 403, body: body('forbidden', error.message) };
  if (NotFoundError.isInstance(error)) return { status: 404, body: body('not-found', error.message) };
  if (ConflictError.isInstance(error)) return { status: 409, body: body('conflict', error.message) };
  if (PayloadTooLargeError.isInstance(error)) {
    return { status: 413, body: body('payload-too-large', error.message) };
  }
  if (RateLimitedError.isInstance(error)) return { status: 429, body: body('rate-limited', error.message) };
  if (UnprocessableContextError.isInstance(error)) {
    return { status: 422, body: body('unprocessable', error.message, error.field) };
  }
  if (ModelCallError.isInstance(error)) {
    // NOTE: 503 tells clients that trying again later may work (rate limit, outage); 502 that the
    // model answered in a way retrying will not fix.
    return {
      status: error.retryable ? 503 : 502,
      body: body(
        'model-call-failed',
        `the model call failed (${error.provider}:${error.modelId}): ${error.message}`,
      ),
    };
  }
  if (error instanceof HTTPException) {
    if (error.status === 400) return { status: 400, body: body('invalid-input', error.message, 'body') };
    if (error.status === 413) return { status: 413, body: body('payload-too-large', error.message) };
    if (error.status === 401) return { status: 401, body: body('unauthorized', error.message) };
    if (error.status === 404) return { status: 404, body: body('not-found', error.message) };
    if (error.status === 415) {
      return {
        status: 400,
        body: body('invalid-input', 'send the body as JSON (Content-Type: application/json)', 'body'),
      };
    }
  }
  if (TailorError.isInstance(error) && error.code === 'invalid-input') {
    return { status: 400, body: body('invalid-input', error.message) };
  }
  return { status: 500, body: body('internal', 'internal error; the server log has the details') };
}

/** The Hono `onError` handler: one place where errors become statuses. */
export function errorResponse(error: unknown, context: Context): Response {
  const { status, body } = describeError(error);
  return context.json(body, status);
}
