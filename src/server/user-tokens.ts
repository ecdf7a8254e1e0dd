import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { InvalidInputError } from '../spec/index.js';

/** Every user token starts with this, so the auth middleware tells it from an API key. */
export const userTokenPrefix = 'tailor_ut_';

/** Who a user token speaks for, and until when. */
export interface UserTokenClaims {
  readonly tenant: string;
  readonly user: string;
  /** ISO 8601. */
  readonly expiresAt: string;
}

/** Longest and default life of a user token, in seconds. */
export const userTokenTtl = Object.freeze({ defaultSeconds: 3600, maxSeconds: 7 * 24 * 3600 });

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/**
 * Short-lived tokens scoped to one end user of one tenant (issue: service hardening, part 6), minted
 * by the tenant's backend with its API key (`POST /v1/users/{user}/tokens`) and handed to the user's
 * browser, so a tenant key never reaches a browser. Stateless: `tailor_ut_<payload>.<signature>`, the
 * payload (tenant, user, expiry) in base64url JSON, signed with HMAC-SHA256 under the server's secret.
 * Servers that share a database must share the secret (`TAILOR_TOKEN_SECRET`); without one, each
 * process makes its own and its tokens end with it.
 *
 * @example
 * const tokens = new UserTokens({ secret: process.env.TAILOR_TOKEN_SECRET });
 * const { token } = tokens.mint({ tenant: 'acme', user: 'ada' });
 * tokens.verify(token); // { tenant: 'acme', user: 'ada', expiresAt: '...' }
 */
export class UserTokens {
  private readonly secret: Buffer;
  private readonly clock: () => number;

  constructor(options: { readonly secret?: string; readonly clock?: () => number } = {}) {
    if (options.secret !== undefined && options.secret.length < 16) {
      throw new InvalidInputError({
        field: 'TAILOR_TOKEN_SECRET',
        value: `${options.secret.length} characters`,
        accepted: 'a secret of at least 16 characters (e.g. openssl rand -hex 32)',
      });
    }
    this.secret = options.secret === undefined ? randomBytes(32) : Buffer.from(options.secret);
    this.clock = options.clock ?? Date.now;
  }

  /** A token for `user` of `tenant`, valid for `ttlSeconds` (default one hour, at most a week). */
  mint(options: { readonly tenant: string; readonly user: string; readonly ttlSeconds?: number }): {
    readonly token: string;
    readonly expiresAt: string;
  } {
    const ttl = options.ttlSeconds ?? userTokenTtl.defaultSeconds;
    if (!Number.isInteger(ttl) || ttl < 1 || ttl > userTokenTtl.maxSeconds) {
      throw new InvalidInputError({
        field: 'ttlSeconds',
        value: ttl,
        accepted: `an integer from 1 to ${userTokenTtl.maxSeconds} (a week)`,
      });
    }
    const expires = Math.floor(this.clock() / 1000) + ttl;
    const payload = base64url(JSON.stringify({ t: options.tenant, u: options.user, e: expires }));
    return {
      token: `${userTokenPrefix}${payload}.${this.sign(payload)}`,
      expiresAt: new Date(expires * 1000).toISOString(),
    };
  }

  /** The claims of a genuine, unexpired token; undefined for anything else. */
  verify(token: string): UserTokenClaims | undefined {
    if (!token.startsWith(userTokenPrefix)) return undefined;
    const [payload, signature, ...rest] = token.slice(userTokenPrefix.length).split('.');
    if (payload === undefined || signature === undefined || rest.length > 0) return undefined;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    let claims: { t?: unknown; u?: unknown; e?: unknown };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
    } catch {
      return undefined;
    }
    if (typeof claims.t !== 'string' || typeof claims.u !== 'string' || typeof claims.e !== 'number') {
      return undefined;
    }
    if (claims.e * 1000 <= this.clock()) return undefined;
    return { tenant: claims.t, user: claims.u, expiresAt: new Date(claims.e * 1000).toISOString() };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
