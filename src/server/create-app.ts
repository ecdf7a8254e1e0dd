import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { CallPolicy } from '../providers/call-policy.js';
import { withModelCallTenant } from '../providers/model-call-tenant.js';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from 'pino';
import { pino } from 'pino';
import type { ApiKeyStore } from '../spec/index.js';
import { NotFoundError } from '../spec/index.js';
import { apiKeyAuth } from './api-key-auth.js';
import { registerUserTokenRoute } from './api-routes-tokens.js';
import { userTokenScope } from './user-token-scope.js';
import { UserTokens } from './user-tokens.js';
import type { ApiEnv } from './api-env.js';
import { registerDraftRoutes } from './api-routes-drafts.js';
import { registerSampleRoutes } from './api-routes-samples.js';
import { registerUserRoutes } from './api-routes-users.js';
import { registerChatCompletionsRoute } from './chat-completions-proxy.js';
import { describeError } from './error-response.js';
import type { FairUseOptions } from './fair-use.js';
import { fairUse } from './fair-use.js';
import { packageIdentity, registerHealthRoute } from './health-route.js';
import { metricsTokenAuth } from './metrics-token-auth.js';
import { PayloadTooLargeError } from './payload-too-large-error.js';
import { requestObserver } from './request-observer.js';
import type { Sample, SampleTask } from './sample-corpus.js';
import { ServiceMetrics } from './service-metrics.js';
import type { Tailor } from '../service/tailor.js';
import { invalidInputFromZod } from './validation-error.js';

/** Largest request body accepted (a long article plus an edit fit easily). */
export const defaultBodyLimitBytes = 100 * 1024;

/**
 * The Content-Security-Policy of `tailor serve`: the web UI loads only its own script, stylesheet and
 * API (`'self'`, no inline script or style), its favicon is a `data:` URL, plugins and `<base>` are
 * off, and no page may frame it (clickjacking).
 */
export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
} satisfies NonNullable<Parameters<typeof secureHeaders>[0]>['contentSecurityPolicy'];

/** What the HTTP app is built from; only `tailor` and `apiKeys` are required. */
export interface AppDependencies {
  readonly tailor: Tailor;
  readonly apiKeys: ApiKeyStore;
  /** Signs and checks end users' tokens (`POST /v1/users/{user}/tokens`); default: a per-process secret. */
  readonly userTokens?: UserTokens;
  /** The built-in corpus for `GET /v1/samples` (none: an empty list). */
  readonly samples?: (task: SampleTask) => Promise<Sample[]>;
  /** The model `POST /v1/chat/completions` forwards to (none: that route answers 502, saying so). */
  readonly chatUpstream?: LanguageModelV3;
  /** Timeouts and retries of the proxy's upstream calls (default: see `registerChatCompletionsRoute`). */
  readonly chatCallPolicy?: CallPolicy;
  /** Tenants whose chat follow-ups the proxy learns from (default: none). */
  readonly learnFromFollowUps?: (tenant: string) => boolean;
  readonly logger?: Logger;
  readonly metrics?: ServiceMetrics;
  /** Folder of the built web UI, served at `/` when it exists (default `web/dist`). */
  readonly staticRoot?: string | null;
  readonly bodyLimitBytes?: number;
  /** Rate limit per key and concurrency cap per tenant on `/v1/*` (none: unlimited). */
  readonly fairUse?: FairUseOptions;
  /**
   * The bearer token `/metrics` requires (`tailor serve --metrics-token`); tenant API keys are never
   * accepted there. None: `/metrics` answers 404.
   */
  readonly metricsToken?: string;
  /**
   * Send `contentSecurityPolicy` with every response (`startService` does). Off by default so test
   * drivers that inject inline scripts into the page (axe-core) keep working; the frame and nosniff
   * headers are always sent.
   */
  readonly contentSecurityPolicy?: boolean;
  /** Extra facts for `/healthz` (e.g. the store kind). */
  readonly health?: Readonly<Record<string, string>>;
}

/**
 * Refuses a body over `limit` bytes (PayloadTooLargeError): by its Content-Length when it has one, else
 * (chunked) by counting it as Hono's `bodyLimit` does. NOTE: `bodyLimit` alone asks every request for
 * its body stream, which makes @hono/node-server build a full web Request for it and read JSON through
 * that stream instead of straight from the socket: the largest single cost of a request to an instant
 * model.
 */
function bodySizeLimit(limit: number): MiddlewareHandler<ApiEnv> {
  const tooLarge = () => {
    throw new PayloadTooLargeError({ limitBytes: limit });
  };
  const counted = bodyLimit({ maxSize: limit, onError: tooLarge });
  return (context, next) => {
    const method = context.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const length = context.req.header('content-length');
    if (length === undefined || context.req.header('transfer-encoding') !== undefined) {
      return counted(context, next);
    }
    return Number.parseInt(length, 10) > limit ? tooLarge() : next();
  };
}

/**
 * The HTTP API as a Hono app, not listening (serve it with `@hono/node-server`, test it with
 * `app.request(...)`). Routes and request schemas are declared once with zod and published as
 * OpenAPI 3.1 at `/openapi.json`. Every error becomes a status in one `onError`.
 *
 * @example
 * const app = createApp({ tailor, apiKeys });
 * const response = await app.request('/v1/generate', { method: 'POST', headers, body });
 */
export function createApp(dependencies: AppDependencies): OpenAPIHono<ApiEnv> {
  const logger = dependencies.logger ?? pino({ level: 'silent' });
  const metrics = dependencies.metrics ?? new ServiceMetrics({ processMetrics: false });
  const limit = dependencies.bodyLimitBytes ?? defaultBodyLimitBytes;
  const userTokens = dependencies.userTokens ?? new UserTokens();
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (!result.success) throw invalidInputFromZod(result.error, result.target);
    },
  });

  app.onError((error, context) => {
    const { status, body } = describeError(error);
    if (status >= 500 && body.error.code === 'internal') {
      logger.error({ err: error, method: context.req.method, path: context.req.path }, 'unhandled error');
    }
    return context.json(body, status);
  });
  app.notFound(() => {
    throw new NotFoundError({
      entity: 'route',
      id: 'this path',
      message: 'no such route; see /openapi.json',
    });
  });

  app.use('*', requestObserver(metrics, logger));
  // NOTE: HSTS is left to the TLS-terminating proxy in front of the service.
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: dependencies.contentSecurityPolicy === true ? contentSecurityPolicy : undefined,
      xFrameOptions: 'DENY',
      strictTransportSecurity: false,
    }),
  );
  registerHealthRoute(app, { learner: dependencies.tailor.learnerName, extra: dependencies.health });
  const { name, version } = packageIdentity();
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: name,
      version,
      description:
        "Learns each user's writing preferences from the edits they make to drafts (PRELUDE / CIPHER).",
    },
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer' });

  app.use('/metrics', metricsTokenAuth(dependencies.metricsToken));
  app.get('/metrics', async (context) => {
    const { contentType, body } = await metrics.render();
    return context.body(body, 200, { 'content-type': contentType });
  });

  app.use(
    '/v1/*',
    bodySizeLimit(limit),
    apiKeyAuth(dependencies.apiKeys, userTokens),
    userTokenScope(dependencies.tailor),
    // NOTE: the model calls a request makes count against its tenant's cap (CallPolicy.tenantConcurrency).
    (context, next) => withModelCallTenant(context.get('tenant'), next),
  );
  if (dependencies.fairUse !== undefined) app.use('/v1/*', fairUse(dependencies.fairUse));
  registerDraftRoutes(app, dependencies.tailor, metrics);
  registerUserRoutes(app, dependencies.tailor);
  registerUserTokenRoute(app, userTokens);
  registerSampleRoutes(app, dependencies.samples);
  registerChatCompletionsRoute(app, {
    tailor: dependencies.tailor,
    upstream: dependencies.chatUpstream,
    callPolicy: dependencies.chatCallPolicy,
    learnFromFollowUps: dependencies.learnFromFollowUps,
    metrics,
    logger,
  });

  const staticRoot = dependencies.staticRoot === undefined ? 'web/dist' : dependencies.staticRoot;
  if (staticRoot !== null && existsSync(join(staticRoot, 'index.html'))) {
    // NOTE: serveStatic resolves `root` against the working directory, so give it a relative path.
    const root = relative(process.cwd(), staticRoot) || '.';
    app.use('/*', serveStatic({ root }));
    app.get('/', async (context) => context.html(await readFile(join(staticRoot, 'index.html'), 'utf8')));
  }
  return app;
}
