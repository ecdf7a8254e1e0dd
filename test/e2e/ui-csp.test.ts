import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../src/server/start-service.js';
import { startOfflineService } from '../../src/server/test-app.js';
import { findChromium, launchChromium } from './ui-browser.js';
import { buildWebInto } from './ui-build.js';
import { TailorPage } from './ui-page.js';

const chromium = findChromium();

/**
 * The built web UI served by `startService` (as `tailor serve` runs it, with its Content-Security-Policy)
 * works in Chromium without a single CSP violation: drafting, editing, the learned preferences and the
 * progress chart.
 */
describe.skipIf(!chromium.present && !chromium.required)('web UI under the CSP of tailor serve', () => {
  let folder: string;
  let webRoot: string;
  let service: RunningService;
  let browser: Browser;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'tailor-ui-csp-'));
    webRoot = await buildWebInto();
    service = await startOfflineService(folder, { staticRoot: webRoot });
    browser = await launchChromium(chromium.path);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await service?.close();
    await rm(folder, { recursive: true, force: true });
    await rm(webRoot, { recursive: true, force: true });
  });

  it('drafts, learns and shows every view with no CSP violation', async () => {
    const { secret } = await service.stores.apiKeys.create({ tenant: 'csp', label: 'ui csp test' });
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (/content security policy/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { violations?: string[] }).violations ??= [];
        (window as unknown as { violations: string[] }).violations.push(
          `${event.violatedDirective} ${event.blockedURI}`,
        );
      });
    });
    const served = await fetch(service.url);
    expect(served.headers.get('content-security-policy')).toContain("script-src 'self'");
    const ui = new TailorPage(page);
    await ui.open(service.url.replace(/\/$/, ''), secret);

    await ui.contextField.fill('Notes: the offsite moves to Friday; bring the budget and the slides.');
    await ui.requestDraft();
    expect(await ui.editor.inputValue()).not.toBe('');
    await ui.editor.fill('Offsite on Friday. Bring the budget.');
    await ui.submit();
    await ui.outcome.waitFor();
    await ui.view('What Tailor learned');
    await ui.view('Progress');
    await page.getByTestId('cost-chart').waitFor();

    const violations = await page.evaluate(
      () => (window as unknown as { violations?: string[] }).violations ?? [],
    );
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
