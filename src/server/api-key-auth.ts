import type { MiddlewareHandler } from 'hono';
import type { ApiKeyStore } from '../spec/index.js';
import type { ApiEnv } from './api-env.js';
import type { UserTokens } from './user-tokens.js';
import { userTokenPrefix } from './user-tokens.js';
import { UnauthorizedError } from './unauthorized-error.js';

/**
 * Requires `Authorization: Bearer <secret>` with a valid, unrevoked key and scopes the request to the
 * key's tenant (`context.get('tenant')`), or a user token (`tailor_ut_...`, see `UserTokens`) that
 * also scopes it to one user (`context.get('tokenUser')`, enforced by `userTokenScope`). The secret is
 * never logged.
 */
export function apiKeyAuth(apiKeys: ApiKeyStore, userTokens?: UserTokens): MiddlewareHandler<ApiEnv> {
  return async (context, next) => {
    const header = context.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match?.[1] === undefined) throw new UnauthorizedError();
    if (match[1].startsWith(userTokenPrefix)) {
      const claims = userTokens?.verify(match[1]);
      if (claims === undefined) throw new UnauthorizedError({ message: 'unknown or expired user token' });
      context.set('tenant', claims.tenant);
      context.set('apiKeyId', 'user-token');
      context.set('tokenUser', claims.user);
      return next();
    }
    context.set('tokenUser', null);
    const key = await apiKeys.verify(match[1]);
    if (key === undefined) throw new UnauthorizedError({ message: 'unknown or revoked API key' });
    context.set('tenant', key.tenant);
    context.set('apiKeyId', key.id);
    await next();
  };
}
