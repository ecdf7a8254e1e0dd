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

describe('security headers', () => {
  it('sends a CSP that allows only the UI itself and forbids framing, on the page and the API', async () => {
    const { call } = await appWithUi();
    for (const response of [
      await call('/', { key: null }),
      await call('/assets/app.js', { key: null }),
      await call('/v1/users/ada/preferences'),
      await call('/v1/nothing-here'),
    ]) {
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).not.toContain('unsafe-inline');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('sends the frame headers even with the CSP off', async () => {
    const { call } = await createTestApp();
    const response = await call('/healthz', { key: null });
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toBeNull();
  });
});
