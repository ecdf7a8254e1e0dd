import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { NotFoundError } from '../spec/index.js';
import type { ApiEnv } from './api-env.js';
import { UnauthorizedError } from './unauthorized-error.js';

/** Shortest metrics token accepted (a guessable token would expose the process's metrics). */
export const minMetricsTokenLength = 16;

/**
 * Guards `/metrics` with the operator's metrics token (`tailor serve --metrics-token`, or
 * `TAILOR_METRICS_TOKEN`), never with a tenant's API key: the metrics are process-wide, across
 * tenants. Without a token `/metrics` is off (404 saying how to turn it on). The comparison takes the
 * same time whatever the sent value.
 */
export function metricsTokenAuth(token: string | undefined): MiddlewareHandler<ApiEnv> {
  const expected = token === undefined ? undefined : digest(token);
  return async (context, next) => {
    if (expected === undefined) {
      throw new NotFoundError({
        entity: 'route',
        id: '/metrics',
        message:
          'metrics are off; start the server with --metrics-token (or TAILOR_METRICS_TOKEN) to read them',
      });
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(context.req.header('authorization') ?? '');
    if (match?.[1] === undefined || !timingSafeEqual(digest(match[1]), expected)) {
      throw new UnauthorizedError({
        message:
          '/metrics needs the metrics token: send "Authorization: Bearer <metrics token>" (API keys are not accepted)',
      });
    }
    await next();
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
