import { describe, expect, it } from 'vitest';
import { createTestApp } from './test-app.js';

// The body limit reads Content-Length when the request has one (node's HTTP server always gives it for
// a plain body) and counts the bytes of a chunked body; either way a body over the limit is a 413.
describe('body size limit on /v1', () => {
  const body = (length: number) =>
    JSON.stringify({ user: 'ana', task: 'email', context: 'x'.repeat(length) });

  async function post(text: string, headers: Record<string, string>) {
    const { app, keyA } = await createTestApp({ app: { bodyLimitBytes: 1000 } });
    return app.request('/v1/generate', {
      method: 'POST',
      headers: { authorization: `Bearer ${keyA.secret}`, 'content-type': 'application/json', ...headers },
      body: text,
    });
  }

  it('answers 413 from a Content-Length over the limit, and serves one under it', async () => {
    const large = body(2000);
    const refused = await post(large, { 'content-length': String(Buffer.byteLength(large)) });
    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('payload-too-large');
    const small = body(100);
    const served = await post(small, { 'content-length': String(Buffer.byteLength(small)) });
    expect(served.status).toBe(200);
  });

  it('counts a body without Content-Length (chunked) and refuses it past the limit', async () => {
    expect((await post(body(2000), {})).status).toBe(413);
    expect((await post(body(100), {})).status).toBe(200);
  });
});
