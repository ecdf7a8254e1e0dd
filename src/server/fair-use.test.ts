import { describe, expect, it, vi } from 'vitest';
import type { Writer } from '../spec/index.js';
import { serviceTestWriter } from '../service/test-tailor.js';
import { createTestApp } from './test-app.js';

const generateBody = { user: 'ada', task: 'email', context: 'notes about the offsite' };

describe('fair use: rate limit per key, concurrency cap per tenant', () => {
  it('answers 429 with Retry-After and RateLimit headers once a key is over its rate', async () => {
    let time = 0;
    const { call, keyB } = await createTestApp({
      app: { fairUse: { requestsPerMinute: 3, concurrentPerTenant: 0, now: () => time } },
    });
    const statuses: number[] = [];
    for (let index = 0; index < 4; index += 1) {
      const response = await call('/v1/users/ada/preferences');
      statuses.push(response.status);
      if (index === 0) {
        expect(response.headers.get('ratelimit-policy')).toBe('3;w=60');
        expect(response.headers.get('ratelimit')).toBe('limit=3, remaining=2, reset=20');
      }
      if (index === 3) {
        expect(response.headers.get('retry-after')).toBe('20');
        expect(response.headers.get('ratelimit')).toContain('remaining=0');
        const body = (await response.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('rate-limited');
        expect(body.error.message).toContain('3 requests per minute');
      }
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    // another key is not affected, and the bucket refills with time
    expect((await call('/v1/users/ada/preferences', { key: keyB.secret })).status).toBe(200);
    time += 20_000;
    expect((await call('/v1/users/ada/preferences')).status).toBe(200);
    expect((await call('/healthz', { key: null })).status).toBe(200);
  });

  it("refuses a tenant's requests over its concurrency cap while another tenant is served at once", async () => {
    const release: Array<() => void> = [];
    const base = serviceTestWriter();
    const writer: Writer = {
      provider: base.provider,
      modelId: base.modelId,
      inferPreference: (options) => base.inferPreference(options),
      aggregatePreferences: (options) => base.aggregatePreferences(options),
      generate: async (options) => {
        await new Promise<void>((resolve) => release.push(resolve));
        return base.generate(options);
      },
    };
    const { call, keyB } = await createTestApp({
      tailor: { writer },
      app: { fairUse: { requestsPerMinute: 0, concurrentPerTenant: 2 } },
    });
    const held = [call('/v1/generate', { body: generateBody }), call('/v1/generate', { body: generateBody })];
    // Both are inside the writer (holding the tenant's two slots) before the third is sent.
    await vi.waitFor(() => expect(release).toHaveLength(2));
    const third = await call('/v1/generate', { body: generateBody });
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('1');
    expect(((await third.json()) as { error: { message: string } }).error.message).toContain('at most 2');
    const other = await call('/v1/users/ada/preferences', { key: keyB.secret });
    expect(other.status).toBe(200);
    for (const resolve of release) resolve();
    expect((await Promise.all(held)).map((response) => response.status)).toEqual([200, 200]);
    expect((await call('/v1/users/ada/preferences')).status).toBe(200);
  });
});
