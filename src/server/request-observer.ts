import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Logger } from 'pino';
import type { ApiEnv } from './api-env.js';
import type { ServiceMetrics } from './service-metrics.js';

/**
 * The route pattern a request was for: the last route with a method of its own (`app.get`,
 * `app.openapi`, ...) that matched, skipping the middleware registered for every method (`app.use`:
 * the observer, auth, and the web UI's static files at `/*`, which match every path). A request no
 * route matched is `static` when the UI's files answered it, `unmatched` otherwise.
 */
function routeLabel(context: Context<ApiEnv>): string {
  const routes = matchedRoutes(context).filter((route) => route.method !== 'ALL');
  const route = routes.at(-1);
  if (route !== undefined) return route.path;
  return context.res.status < 400 && context.req.method === 'GET' ? 'static' : 'unmatched';
}

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
    const route = routeLabel(context);
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
