import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './ui-axe.js';
import { findChromium } from './ui-browser.js';
import type { TailorPage } from './ui-page.js';
import type { RunningTailor } from './ui-server.js';
import { openUiSession, type UiSession } from './ui-session.js';

const chromium = findChromium();

/**
 * The sign-in end users get (issue: the web UI as a product, part 5): the tenant's app mints a user
 * token with its API key and links to the UI with it; the page works as that user, shows no key or
 * user field, and the tenant key never reaches the browser.
 */
describe.skipIf(!chromium.present && !chromium.required)('web UI: signed in with a user token', () => {
  let session: UiSession;
  let tailor: RunningTailor;
  let ui: TailorPage;

  beforeAll(async () => {
    session = await openUiSession(chromium.path);
    ({ tailor, ui } = session);
  });

  afterAll(() => session?.close());

  it("opens as the token's user, with no API key field, and drafts for that user", async () => {
    const minted = await fetch(`${tailor.url}/v1/users/ada/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tailor.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ttlSeconds: 600 }),
    });
    expect(minted.status).toBe(201);
    const { token } = (await minted.json()) as { token: string };
    const keysSent = new Set<string>();
    ui.page.on('request', (request) => {
      const header = request.headers().authorization;
      if (header !== undefined) keysSent.add(header);
    });
    await ui.page.goto(`${tailor.url}/#token=${encodeURIComponent(token)}`);
    await expect.poll(() => ui.page.getByTestId('signed-in').textContent()).toBe('Signed in as ada');
    expect(await ui.page.getByLabel('API key').count()).toBe(0);
    expect(ui.page.url()).not.toContain(token);
    expect(await seriousAxeViolations(ui.page)).toEqual([]);

    await ui.contextField.fill('Notes from the call. The launch moves to June. Budget stays the same.');
    await ui.requestDraft();
    await ui.editor.waitFor();
    expect([...keysSent]).toEqual([`Bearer ${token}`]);
    const listed = await fetch(`${tailor.url}/v1/users/ada/interactions`, {
      headers: { authorization: `Bearer ${tailor.apiKey}` },
    });
    expect(((await listed.json()) as { interactions: unknown[] }).interactions).toHaveLength(1);
  });
});
