import { afterAll, describe, expect, it } from 'vitest';
import { createFakeUiRoot, createLoggedTestApp } from './test-app.js';

const ui = createFakeUiRoot();
afterAll(ui.remove);

/** The app with the UI served and its log lines captured. */
const appWithUi = () => createLoggedTestApp({ app: { staticRoot: ui.path } });

describe('route labels with the web UI served', () => {
  it('labels metrics and log lines by route pattern, static files as static, unknown paths as unmatched', async () => {
    const { call, lines, metrics } = await appWithUi();
    const generated = await call('/v1/generate', {
      body: { user: 'ada', task: 'email', context: 'notes about friday' },
    });
    const { interactionId } = (await generated.json()) as { interactionId: string };
    expect((await call(`/v1/interactions/${interactionId}`)).status).toBe(200);
    expect((await call('/v1/users/ada/preferences', { key: null })).status).toBe(401);
    expect((await call('/', { key: null })).status).toBe(200);
    expect((await call('/assets/app.js', { key: null })).status).toBe(200);
    expect((await call('/v1/nothing-here')).status).toBe(404);
    expect((await call('/healthz', { key: null })).status).toBe(200);

    await new Promise((resolve) => setImmediate(resolve));
    const routes = lines.filter((line) => line.msg === 'request').map((line) => line.route);
    expect(routes).toEqual([
      '/v1/generate',
      '/v1/interactions/:id',
      '/v1/users/:user/preferences',
      '/',
      'static',
      'unmatched',
      '/healthz',
    ]);
    const { body: text } = await metrics.render();
    expect(text).toContain('tailor_http_requests_total{method="POST",route="/v1/generate",status="200"} 1');
    expect(text).toContain(
      'tailor_http_requests_total{method="GET",route="/v1/interactions/:id",status="200"} 1',
    );
    expect(text).toContain(
      'tailor_http_requests_total{method="GET",route="/v1/users/:user/preferences",status="401"} 1',
    );
    expect(text).toContain('tailor_http_requests_total{method="GET",route="unmatched",status="404"} 1');
  });
});
