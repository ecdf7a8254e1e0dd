import { afterAll, describe, expect, it } from 'vitest';
import { createFakeUiRoot, createServedTestApp, createTestApp } from './test-app.js';

const ui = createFakeUiRoot();
afterAll(ui.remove);
const appWithUi = () => createServedTestApp(ui.path);

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
