import { afterAll, describe, expect, it } from 'vitest';
import {
  createFakeUiRoot,
  createServedTestApp,
  createTestApp,
  testMetricsToken as metricsToken,
} from './test-app.js';

const ui = createFakeUiRoot();
afterAll(ui.remove);
const appWithUi = () => createServedTestApp(ui.path);

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
