import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The launch flags of the UI tests: headless, no sandbox (containers), and no background traffic. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Where the system Chromium is: `TAILOR_TEST_CHROMIUM`, else `/usr/bin/chromium` (Debian's package).
 * `required` is true when the variable was set, so a missing browser then fails instead of skipping.
 */
export function findChromium(): { path: string; present: boolean; required: boolean } {
  const fromEnvironment = process.env['TAILOR_TEST_CHROMIUM'];
  const path = fromEnvironment || '/usr/bin/chromium';
  return { path, present: existsSync(path), required: Boolean(fromEnvironment) };
}

/** Launch the system Chromium through playwright-core (never a downloaded browser). */
export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: chromiumArgs, timeout: 30_000 });
}
