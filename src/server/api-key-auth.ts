import type { MiddlewareHandler } from 'hono';
import type { ApiKeyStore } from '../spec/index.js';
import type { ApiEnv } from './api-env.js';
import { UnauthorizedError } from './unauthorized-error.js';

/**
 * Requires `Authorization: Bearer <secret>` with a valid, unrevoked key and scopes the request to the
 * key's tenant (`context.get('tenant')`). The secret is never logged.
 */
export function apiKeyAuth(apiKeys: ApiKeyStore): MiddlewareHandler<ApiEnv> {
  return async (context, next) => {
    const header = context.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match?.[1] === undefined) throw new UnauthorizedError();
    const key = await apiKeys.verify(match[1]);
    if (key === undefined) throw new UnauthorizedError({ message: 'unknown or revoked API key' });
    context.set('tenant', key.tenant);
    context.set('apiKeyId', key.id);
    await next();
  };
}
