import type { Browser } from 'playwright-core';
import { launchChromium } from './ui-browser.js';
import { buildWebInto } from './ui-build.js';
import { TailorPage } from './ui-page.js';
import { startTailor, type RunningTailor } from './ui-server.js';

/** One UI test file's world: the built page, a running Tailor, and one browser tab on it. */
export interface UiSession {
  readonly tailor: RunningTailor;
  readonly browser: Browser;
  readonly ui: TailorPage;
  /** Uncaught errors of the page's own script (a test may require none). */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Build the UI, start Tailor on it and open a 1280×900 tab (actions time out after 8 s, so a broken
 * step fails with the locator it waited for rather than the test's overall timeout).
 */
export async function openUiSession(chromiumPath: string): Promise<UiSession> {
  const webRoot = await buildWebInto();
  const tailor = await startTailor({ webRoot });
  const browser = await launchChromium(chromiumPath).catch(async (error: unknown) => {
    await tailor.close();
    throw error;
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(8_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return {
    tailor,
    browser,
    ui: new TailorPage(page),
    pageErrors,
    close: async () => {
      await browser.close();
      await tailor.close();
    },
  };
}
