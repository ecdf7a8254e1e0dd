import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from './api-env.js';
import { errorResponses, toTaskKey } from './api-env.js';
import {
  AddPreferenceRequest,
  ComponentList,
  ForgetResponse,
  InteractionList,
  pageLimits,
  pageQuery,
  Preference,
  PreferenceList,
  TaskKeyQuery,
  UpdatePreferenceRequest,
  UserParam,
  UserPreferenceParams,
} from './api-schemas.js';
import { exportPairs, toJsonLines } from '../service/export-pairs.js';
import { interactionView } from '../service/interaction-view.js';
import type { Tailor } from '../service/tailor.js';

const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
const taskQuery = z.object({ task: TaskKeyQuery });

const routes = {
  interactions: createRoute({
    method: 'get',
    path: '/v1/users/{user}/interactions',
    summary: "A user's interactions, oldest first (cost per interaction: the progress chart)",
    description: `In pages: at most \`limit\` (default and most: ${pageLimits.interactions.max}); \`nextCursor\` reads the next page.`,
    request: {
      params: UserParam,
      query: z.object({ task: TaskKeyQuery, ...pageQuery(pageLimits.interactions) }),
    },
    responses: {
      200: { description: 'Interactions', ...json(InteractionList) },
      ...errorResponses(400, 401),
    },
  }),
  preferences: createRoute({
    method: 'get',
    path: '/v1/users/{user}/preferences',
    summary: 'What was learned about a user, and what they wrote themselves',
    description: `Task by task, oldest first, in pages: at most \`limit\` (default and most: ${pageLimits.preferences.max}); \`nextCursor\` reads the next page.`,
    request: {
      params: UserParam,
      query: z.object({ task: TaskKeyQuery, ...pageQuery(pageLimits.preferences) }),
    },
    responses: { 200: { description: 'Preferences', ...json(PreferenceList) }, ...errorResponses(400, 401) },
  }),
  components: createRoute({
    method: 'get',
    path: '/v1/users/{user}/components',
    summary:
      "A user's preference components for one task, with the evidence behind each (most supported first)",
    request: { params: UserParam, query: z.object({ task: TaskKeyQuery.unwrap() }) },
    responses: { 200: { description: 'Components', ...json(ComponentList) }, ...errorResponses(400, 401) },
  }),
  addPreference: createRoute({
    method: 'post',
    path: '/v1/users/{user}/preferences',
    summary: 'Write a preference by hand (origin "user", pinned unless pinned is false)',
    request: { params: UserParam, body: { ...json(AddPreferenceRequest), required: true } },
    responses: {
      201: { description: 'The created preference', ...json(Preference) },
      ...errorResponses(400, 401, 413, 422),
    },
  }),
  updatePreference: createRoute({
    method: 'patch',
    path: '/v1/users/{user}/preferences/{id}',
    summary: 'Reword (which also pins, unless pinned is given) or (un)pin a preference',
    request: {
      params: UserPreferenceParams,
      query: taskQuery,
      body: { ...json(UpdatePreferenceRequest), required: true },
    },
    responses: {
      200: { description: 'The updated preference', ...json(Preference) },
      ...errorResponses(400, 401, 404),
    },
  }),
  deletePreference: createRoute({
    method: 'delete',
    path: '/v1/users/{user}/preferences/{id}',
    summary: 'Delete a preference',
    request: { params: UserPreferenceParams, query: taskQuery },
    responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 404) },
  }),
  forget: createRoute({
    method: 'delete',
    path: '/v1/users/{user}',
    summary: 'Forget a user: delete every preference and interaction',
    request: { params: UserParam },
    responses: {
      200: { description: 'How many records were deleted', ...json(ForgetResponse) },
      ...errorResponses(401),
    },
  }),
  exportPairs: createRoute({
    method: 'get',
    path: '/v1/users/{user}/export.jsonl',
    summary: "The user's edits as preference pairs (prompt, chosen, rejected, rationale, strength)",
    description: `In pages of at most \`limit\` interactions (default and most: ${pageLimits.interactions.max}), each edited one a line; when more follow, the \`Link\` header (rel="next") and \`Tailor-Next-Cursor\` give the next page.`,
    request: {
      params: UserParam,
      query: z.object({ task: TaskKeyQuery, ...pageQuery(pageLimits.interactions) }),
    },
    responses: {
      200: {
        description: 'JSON Lines, one pair per line',
        headers: {
          Link: {
            description: 'The next page, as `<url>; rel="next"` (absent on the last page)',
            schema: { type: 'string' },
          },
          'Tailor-Next-Cursor': {
            description: 'The `cursor` of the next page (absent on the last page)',
            schema: { type: 'string' },
          },
        },
        content: { 'application/x-ndjson': { schema: z.string() }, 'text/plain': { schema: z.string() } },
      },
      ...errorResponses(401),
    },
  }),
};

/** Routes under `/v1/users/{user}`: interactions, preferences, forget, export. */
export function registerUserRoutes(app: OpenAPIHono<ApiEnv>, tailor: Tailor): void {
  const task = (value: string | undefined) => (value === undefined ? undefined : toTaskKey(value));
  /** What a listing route asks for: the tenant, the path's user, and the query's task, limit and cursor. */
  const pageOf = (
    tenant: string,
    user: string,
    query: { readonly task?: string; readonly limit: number; readonly cursor?: string },
  ) => ({ tenant, user, task: task(query.task), limit: query.limit, cursor: query.cursor });

  app.openapi(routes.interactions, async (context) => {
    const page = await tailor.listInteractionsPage(
      pageOf(context.get('tenant'), context.req.valid('param').user, context.req.valid('query')),
    );
    return context.json(
      { interactions: page.items.map(interactionView), nextCursor: page.next } as never,
      200,
    );
  });

  app.openapi(routes.preferences, async (context) => {
    const page = await tailor.preferences.listPage(
      pageOf(context.get('tenant'), context.req.valid('param').user, context.req.valid('query')),
    );
    return context.json({ preferences: page.items, nextCursor: page.next }, 200);
  });

  app.openapi(routes.components, async (context) => {
    const taskKey = toTaskKey(context.req.valid('query').task);
    const components = await tailor.components({
      tenant: context.get('tenant'),
      user: context.req.valid('param').user,
      task: taskKey,
    });
    const views = components.map((item) => ({ ...item, interactionIds: [...item.interactionIds] }));
    return context.json({ task: taskKey, components: views }, 200);
  });

  app.openapi(routes.addPreference, async (context) => {
    const body = context.req.valid('json');
    const created = await tailor.preferences.add({
      tenant: context.get('tenant'),
      user: context.req.valid('param').user,
      task: toTaskKey(body.task),
      preference: body.preference,
      pinned: body.pinned,
    });
    return context.json(created, 201);
  });

  app.openapi(routes.updatePreference, async (context) => {
    const { user, id } = context.req.valid('param');
    const body = context.req.valid('json');
    const updated = await tailor.preferences.update({
      tenant: context.get('tenant'),
      user,
      id,
      task: task(context.req.valid('query').task),
      preference: body.preference,
      pinned: body.pinned,
    });
    return context.json(updated, 200);
  });

  app.openapi(routes.deletePreference, async (context) => {
    const { user, id } = context.req.valid('param');
    await tailor.preferences.delete({
      tenant: context.get('tenant'),
      user,
      id,
      task: task(context.req.valid('query').task),
    });
    return context.body(null, 204);
  });

  app.openapi(routes.forget, async (context) => {
    const result = await tailor.forget({
      tenant: context.get('tenant'),
      user: context.req.valid('param').user,
    });
    return context.json(result, 200);
  });

  app.openapi(routes.exportPairs, async (context) => {
    const query = context.req.valid('query');
    const { user } = context.req.valid('param');
    const page = await tailor.listInteractionsPage(pageOf(context.get('tenant'), user, query));
    const headers: Record<string, string> = { 'content-type': 'application/x-ndjson; charset=utf-8' };
    if (page.next !== null) {
      const next = new URLSearchParams({ limit: String(query.limit), cursor: page.next });
      if (query.task !== undefined) next.set('task', query.task);
      headers.link = `</v1/users/${encodeURIComponent(user)}/export.jsonl?${next.toString()}>; rel="next"`;
      headers['tailor-next-cursor'] = page.next;
    }
    return context.text(toJsonLines(exportPairs(page.items)), 200, headers);
  });
}
