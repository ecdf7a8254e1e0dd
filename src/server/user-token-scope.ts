import type { MiddlewareHandler } from 'hono';
import type { Tailor } from '../service/tailor.js';
import { NotFoundError } from '../spec/index.js';
import type { ApiEnv } from './api-env.js';
import { ForbiddenError } from './forbidden-error.js';

const userPath = /^\/v1\/users\/([^/]+)(\/.*)?$/;
const interactionPath = /^\/v1\/interactions\/([^/]+)(\/.*)?$/;

/**
 * What a user token may do (API keys pass untouched): its own user's routes
 * (`/v1/users/{user}/...` for that user, but not minting tokens), its own interactions, drafts and
 * chat replies for itself (`user` in the body), and the samples. Anything else is a 403 naming the
 * token's user; another user's interaction is a 404, as in another tenant.
 */
export function userTokenScope(tailor: Tailor): MiddlewareHandler<ApiEnv> {
  return async (context, next) => {
    const user = context.get('tokenUser');
    if (user === null) return next();
    const path = context.req.path;
    const refuse = (what: string) =>
      new ForbiddenError({ message: `this token is for user ${JSON.stringify(user)}: ${what}` });
    const ownUser = userPath.exec(path);
    if (ownUser !== null) {
      if (decodeURIComponent(ownUser[1] ?? '') !== user)
        throw refuse('it cannot read or change another user');
      if (ownUser[2] === '/tokens') throw refuse('a user token cannot mint tokens (the tenant key does)');
      return next();
    }
    const interaction = interactionPath.exec(path);
    if (interaction !== null) {
      const id = decodeURIComponent(interaction[1] ?? '');
      const found = await tailor.getInteraction({ tenant: context.get('tenant'), id }).catch(() => undefined);
      if (found !== undefined && found.user !== user) throw new NotFoundError({ entity: 'interaction', id });
      return next();
    }
    if (path === '/v1/generate' || path === '/v1/chat/completions') {
      const body = (await context.req.json().catch(() => undefined)) as { user?: unknown } | undefined;
      if (body !== undefined && body.user !== user) throw refuse(`set "user": ${JSON.stringify(user)}`);
      return next();
    }
    if (path === '/v1/samples') return next();
    throw refuse(`${context.req.method} ${path} is for API keys`);
  };
}
