import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from './api-env.js';
import { RateLimitedError } from './rate-limited-error.js';

/** Limits per process (each server of several sharing one database counts its own requests). */
export interface FairUseOptions {
  /** Requests per minute per API key, as a token bucket (bursts up to this many); 0 = no limit. */
  readonly requestsPerMinute: number;
  /** Requests of one tenant in flight at once; more get 429 at once; 0 = no cap. */
  readonly concurrentPerTenant: number;
  /** Clock in milliseconds (tests). */
  readonly now?: () => number;
}

/** Defaults of `tailor serve`: 600 requests a minute per key, 16 in flight per tenant. */
export const defaultFairUse: FairUseOptions = { requestsPerMinute: 600, concurrentPerTenant: 16 };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Most buckets kept before full (idle) ones are dropped. */
const maxIdleBuckets = 10_000;

/**
 * Per-key rate limit (a token bucket refilled at `requestsPerMinute` a minute) and per-tenant
 * concurrency cap, after authentication. Every answer carries `RateLimit-Policy` and `RateLimit`
 * (IETF draft: limit, remaining, seconds until the bucket is full); a refused request gets 429 with
 * `Retry-After`. One tenant's flood is refused instead of queueing in front of other tenants.
 *
 * @example
 * app.use('/v1/*', apiKeyAuth(apiKeys), fairUse({ requestsPerMinute: 60, concurrentPerTenant: 8 }));
 */
export function fairUse(options: FairUseOptions): MiddlewareHandler<ApiEnv> {
  const now = options.now ?? (() => Date.now());
  const capacity = options.requestsPerMinute;
  const perMillisecond = capacity / 60_000;
  const buckets = new Map<string, Bucket>();
  const inFlight = new Map<string, number>();

  const take = (key: string): { allowed: boolean; remaining: number; retryAfter: number; reset: number } => {
    const time = now();
    let bucket = buckets.get(key);
    if (bucket === undefined) {
      if (buckets.size >= maxIdleBuckets) {
        for (const [other, state] of buckets) {
          if (state.tokens + (time - state.updatedAt) * perMillisecond >= capacity) buckets.delete(other);
        }
      }
      bucket = { tokens: capacity, updatedAt: time };
      buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(capacity, bucket.tokens + (time - bucket.updatedAt) * perMillisecond);
    bucket.updatedAt = time;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    return {
      allowed,
      remaining: Math.floor(bucket.tokens),
      retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / perMillisecond / 1000)),
      reset: Math.ceil((capacity - bucket.tokens) / perMillisecond / 1000),
    };
  };

  return async (context, next) => {
    if (capacity > 0) {
      const state = take(context.get('apiKeyId'));
      context.header('RateLimit-Policy', `${capacity};w=60`);
      context.header('RateLimit', `limit=${capacity}, remaining=${state.remaining}, reset=${state.reset}`);
      if (!state.allowed) {
        context.header('Retry-After', String(state.retryAfter));
        throw new RateLimitedError({
          message: `this API key is limited to ${capacity} requests per minute; retry in ${state.retryAfter} s`,
          retryAfterSeconds: state.retryAfter,
        });
      }
    }
    if (options.concurrentPerTenant <= 0) return next();
    const tenant = context.get('tenant');
    const running = inFlight.get(tenant) ?? 0;
    if (running >= options.concurrentPerTenant) {
      context.header('Retry-After', '1');
      throw new RateLimitedError({
        message: `this tenant already has ${running} requests in flight (at most ${options.concurrentPerTenant}); retry in 1 s`,
        retryAfterSeconds: 1,
      });
    }
    inFlight.set(tenant, running + 1);
    try {
      await next();
    } finally {
      const left = (inFlight.get(tenant) ?? 1) - 1;
      if (left === 0) inFlight.delete(tenant);
      else inFlight.set(tenant, left);
    }
  };
}
