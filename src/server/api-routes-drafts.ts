import { createRoute } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from './api-env.js';
import { errorResponses, toTask } from './api-env.js';
import {
  GenerateRequest,
  GenerateResponse,
  IdParam,
  Interaction,
  LearnRequest,
  LearnResponse,
} from './api-schemas.js';
import { interactionView } from '../service/interaction-view.js';
import type { ServiceMetrics } from './service-metrics.js';
import type { Tailor } from '../service/tailor.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

const generateRoute = createRoute({
  method: 'post',
  path: '/v1/generate',
  summary: 'Draft for a user, steered by what was learned from their edits',
  request: { body: { ...json(GenerateRequest), required: true } },
  responses: {
    200: { description: 'The draft and why it looks the way it does', ...json(GenerateResponse) },
    ...errorResponses(400, 401, 413, 422, 502, 503),
  },
});

const learnRoute = createRoute({
  method: 'post',
  path: '/v1/interactions/{id}/learn',
  summary: "Store the user's version of a draft, then learn from it",
  description:
    'The edit is committed before any model call. When learning fails the status is `pending` and ' +
    'the server retries in the background; the edit is never lost.',
  request: { params: IdParam, body: { ...json(LearnRequest), required: true } },
  responses: {
    200: { description: 'What it cost the user and what was learned', ...json(LearnResponse) },
    ...errorResponses(400, 401, 404, 409, 413),
  },
});

const interactionRoute = createRoute({
  method: 'get',
  path: '/v1/interactions/{id}',
  summary: 'One interaction (draft, edit, learning status)',
  request: { params: IdParam },
  responses: {
    200: { description: 'The interaction', ...json(Interaction) },
    ...errorResponses(401, 404),
  },
});

const retryRoute = createRoute({
  method: 'post',
  path: '/v1/interactions/{id}/retry',
  summary: 'Learn again from an edit whose learning failed',
  description:
    'An edit whose learning failed as many times as allowed has status `failed` and its `lastError`. ' +
    'This puts it back to `pending` with its attempts reset; the background recoverer learns from it ' +
    'on its next pass (every few seconds).',
  request: { params: IdParam },
  responses: {
    200: { description: 'The interaction, pending again', ...json(Interaction) },
    ...errorResponses(401, 404, 409),
  },
});

/**
 * `POST /v1/generate`, `POST /v1/interactions/{id}/learn`, `POST /v1/interactions/{id}/retry`,
 * `GET /v1/interactions/{id}`.
 */
export function registerDraftRoutes(app: OpenAPIHono<ApiEnv>, tailor: Tailor, metrics: ServiceMetrics): void {
  app.openapi(generateRoute, async (context) => {
    const body = context.req.valid('json');
    const result = await tailor.generate({
      tenant: context.get('tenant'),
      user: body.user,
      task: toTask(body.task),
      context: body.context,
      contextId: body.contextId,
      abortSignal: context.req.raw.signal,
    });
    return context.json({ ...result, neighbours: [...result.neighbours] }, 200);
  });

  app.openapi(learnRoute, async (context) => {
    const outcome = await tailor.learn({
      tenant: context.get('tenant'),
      interactionId: context.req.valid('param').id,
      edited: context.req.valid('json').edited,
    });
    metrics.editCost.observe(outcome.cost);
    return context.json(outcome, 200);
  });

  app.openapi(retryRoute, async (context) => {
    const interaction = await tailor.retryLearning({
      tenant: context.get('tenant'),
      id: context.req.valid('param').id,
    });
    return context.json(interactionView(interaction) as never, 200);
  });

  app.openapi(interactionRoute, async (context) => {
    const interaction = await tailor.getInteraction({
      tenant: context.get('tenant'),
      id: context.req.valid('param').id,
    });
    return context.json(interactionView(interaction) as never, 200);
  });
}
