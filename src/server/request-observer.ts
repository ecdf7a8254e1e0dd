import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from 'pino';
import type { ApiEnv } from './api-env.js';
import type { ServiceMetrics } from './service-metrics.js';

/**
 * Times every request, counts it by route pattern (never the raw path: ids would explode the label
 * set) and status, and logs one structured line: method, route, status, duration, tenant and key id.
 * Never logs headers or bodies (they hold secrets and users' texts).
 */
export function requestObserver(metrics: ServiceMetrics, logger: Logger): MiddlewareHandler<ApiEnv> {
  return async (context, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const pattern = routePath(context, -1);
    const route = pattern === '*' || pattern === '/*' ? 'unmatched' : pattern;
    const status = context.res.status;
    metrics.requests.inc({ method: context.req.method, route, status: String(status) });
    metrics.latency.observe({ method: context.req.method, route }, seconds);
    const line = {
      method: context.req.method,
      route,
      status,
      durationMs: Math.round(seconds * 10_000) / 10,
      tenant: context.get('tenant'),
      apiKeyId: context.get('apiKeyId'),
    };
    if (status >= 500) logger.error(line, 'request failed');
    else logger.info(line, 'request');
  };
}
