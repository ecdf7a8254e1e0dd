import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from './test-app.js';

const uiRoot = mkdtempSync(join(tmpdir(), 'tailor-ui-'));
mkdirSync(join(uiRoot, 'assets'));
writeFileSync(join(uiRoot, 'index.html'), '<!doctype html><title>Tailor UI</title>');
writeFileSync(join(uiRoot, 'assets', 'app.js'), 'console.log(1);');
afterAll(() => rmSync(uiRoot, { recursive: true, force: true }));

const metricsToken = 'a-metrics-token-of-enough-length';

/** The app with the UI served, a metrics token and the CSP on. */
async function appWithUi() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line !== '') lines.push(JSON.parse(line));
      done();
    },
  });
  const logger = pino({ level: 'info' }, sink);
  const built = await createTestApp({
    app: { staticRoot: uiRoot, logger, metricsToken, contentSecurityPolicy: true },
  });
  return { ...built, lines };
}

describe('/metrics', () => {
  it('answers 401 to every tenant API key and 200 to the metrics token only', async () => {
    const { call, keyA, keyB } = await appWithUi();
    for (const key of [keyA.secret, keyB.secret, null, 'wrong-token', `${metricsToken}x`]) {
      const response = await call('/metrics', { key });
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain('tailor_http_requests_total');
    }
    const response = await call('/metrics', { key: metricsToken });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('tailor_http_requests_total');
  });

  it('is off (404, saying how to turn it on) without a metrics token', async () => {
    const { call } = await createTestApp();
    const response = await call('/metrics');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('--metrics-token');
  });
});
