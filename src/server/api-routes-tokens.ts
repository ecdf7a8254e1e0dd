import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from './api-env.js';
import { errorResponses } from './api-env.js';
import { UserParam } from './api-schemas.js';
import type { UserTokens } from './user-tokens.js';
import { userTokenTtl } from './user-tokens.js';

const UserToken = z
  .object({
    token: z.string().openapi({
      description: 'Send as `Authorization: Bearer <token>`, or open the UI at `/#token=<token>`',
    }),
    user: z.string(),
    expiresAt: z.string(),
  })
  .openapi('UserToken');

const mintRoute = createRoute({
  method: 'post',
  path: '/v1/users/{user}/tokens',
  summary: "A short-lived token scoped to one end user, for that user's browser",
  description:
    "Called by the tenant's backend with its API key. The token reads and changes only this user's drafts, " +
    'edits and preferences (another user: 403), and cannot mint tokens; the tenant key never needs to ' +
    `reach a browser. Lifetime: \`ttlSeconds\` (default ${userTokenTtl.defaultSeconds}, at most ${userTokenTtl.maxSeconds}).`,
  request: {
    params: UserParam,
    body: {
      content: {
        'application/json': {
          schema: z.object({ ttlSeconds: z.number().int().min(1).max(userTokenTtl.maxSeconds).optional() }),
        },
      },
      required: false,
    },
  },
  responses: {
    201: { description: 'The token', content: { 'application/json': { schema: UserToken } } },
    ...errorResponses(400, 401, 403),
  },
});

/** `POST /v1/users/{user}/tokens`. */
export function registerUserTokenRoute(app: OpenAPIHono<ApiEnv>, userTokens: UserTokens): void {
  app.openapi(mintRoute, async (context) => {
    const { user } = context.req.valid('param');
    const body = (await context.req.json().catch(() => ({}))) as { ttlSeconds?: number };
    const minted = userTokens.mint({ tenant: context.get('tenant'), user, ttlSeconds: body.ttlSeconds });
    return context.json({ token: minted.token, user, expiresAt: minted.expiresAt }, 201);
  });
}
