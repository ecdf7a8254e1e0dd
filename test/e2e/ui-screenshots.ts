import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const repositoryRoot = join(import.meta.dirname, '../..');

/** Where every run writes its screenshots (gitignored). */
export const screenshotFolder = join(repositoryRoot, 'test-results/screenshots');

/**
 * Save a full-page screenshot (or the viewport only, `fullPage: false`) as `test-results/screenshots/<name>.png`. With
 * `TAILOR_UPDATE_DOCS_SCREENSHOTS=1` (what `npm run screenshots` sets), names listed in `forDocs` are
 * also copied to `docs/screenshots/` for the README.
 */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: { forDocs?: boolean; fullPage?: boolean } = {},
): Promise<string> {
  await mkdir(screenshotFolder, { recursive: true });
  const path = join(screenshotFolder, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? true, animations: 'disabled' });
  if (options.forDocs && process.env['TAILOR_UPDATE_DOCS_SCREENSHOTS'] === '1') {
    const docsFolder = join(repositoryRoot, 'docs/screenshots');
    await mkdir(docsFolder, { recursive: true });
    await copyFile(path, join(docsFolder, `${name}.png`));
  }
  return path;
}
