import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runBench } from '../../src/bench/run-bench.js';
import { writeBenchReport } from '../../src/bench/write-report.js';

const executablePath = process.env.TAILOR_TEST_CHROMIUM ?? '/usr/bin/chromium';
const haveChromium = existsSync(executablePath);
if (!haveChromium)
  console.warn(`skipping the report browser test: no Chromium at ${executablePath} (.ci/run installs it)`);

describe.runIf(haveChromium)('the bench report in a browser', { timeout: 120_000 }, () => {
  it('opens offline from the file system and shows both figures of each task', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'tailor-report-'));
    const summaries = await runBench(
      {
        tasks: ['summarization', 'email'],
        learners: ['cipher-5', 'no-learning', 'oracle'],
        rounds: 20,
        seeds: [0],
        preferences: 'prelude',
        corpus: 'builtin',
        writer: 'sim',
        reviewer: 'sim',
        embedder: 'lexical',
        cacheFile: null,
        outDir,
        resume: false,
        workers: 1,
        concurrency: 1,
        binSize: 20,
        prices: null,
        fixedPreference: null,
      },
      { progress: { jobQueued() {}, roundDone() {}, jobDone() {} } },
    );
    await writeBenchReport(outDir, summaries, 'test');
    const browser = await chromium.launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(pathToFileURL(join(outDir, 'report.html')).href);
      const figures = await page.$$eval('figure svg', (svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          return { width: box.width, height: box.height, lines: svg.querySelectorAll('path').length };
        }),
      );
      expect(figures).toHaveLength(4);
      for (const figure of figures) {
        expect(figure.width).toBeGreaterThan(200);
        expect(figure.height).toBeGreaterThan(150);
        expect(figure.lines).toBeGreaterThan(3);
      }
      expect(await page.textContent('h2')).toBe('summarization');
      expect(await page.locator('table').first().textContent()).toContain('cipher-5');
      expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
      await page.screenshot({ path: join(outDir, 'report.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
