import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './ui-axe.js';
import { findChromium } from './ui-browser.js';
import { toBullets } from './ui-edits.js';
import type { TailorPage } from './ui-page.js';
import { saveScreenshot } from './ui-screenshots.js';
import type { RunningTailor } from './ui-server.js';
import { openUiSession, type UiSession } from './ui-session.js';

const chromium = findChromium();

const views = ['Write', 'What Tailor learned', 'Progress'] as const;
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const sampleId =
  /\b(encyclopedia|forum|news|movie-review|paper-abstract|paper-review|paper-summary|paper-tweet|personal-problem)-\d{3}\b/;

describe.skipIf(!chromium.present && !chromium.required)(
  'web UI: a product people trust (edits kept, learning visible, no internals)',
  () => {
    let session: UiSession;
    let tailor: RunningTailor;
    let ui: TailorPage;
    let encyclopedia: string[];

    /** What a person sees: the rendered text of the page (closed details and hidden views excluded). */
    const visibleText = () => ui.page.evaluate(() => document.body.innerText);
    const expectAccessible = async (where: string) => {
      expect(await seriousAxeViolations(ui.page), `axe on ${where}`).toEqual([]);
    };
    const inViewport = async (selector: string) => {
      const box = await ui.page.locator(selector).boundingBox();
      const viewport = ui.page.viewportSize();
      return box !== null && viewport !== null && box.y >= 0 && box.y + box.height <= viewport.height;
    };

    beforeAll(async () => {
      session = await openUiSession(chromium.path);
      ({ tailor, ui } = session);
      encyclopedia = await tailor.sampleIds('summarization', 'encyclopedia');
      await ui.open(tailor.url, tailor.apiKey);
    });

    afterAll(() => session?.close());

    it('says the drafts come from the offline rule-based writer, and how to connect a model', async () => {
      const banner = ui.page.getByTestId('writer-banner');
      await banner.waitFor();
      expect(await banner.textContent()).toMatch(/not a language model.*--model openai:gpt-4o/s);
    });

    it('says what to do on empty screens, with no serious accessibility violation', async () => {
      await expectAccessible('Write, empty');
      await ui.view('What Tailor learned');
      expect(await ui.page.getByTestId('learned-empty').textContent()).toMatch(/Go to Write/);
      await expectAccessible('What Tailor learned, empty');
      await ui.view('Progress');
      await ui.page.getByTestId('progress-empty').waitFor();
      await expectAccessible('Progress, empty');
      await ui.page.getByRole('button', { name: 'Go to Write' }).click();
      await ui.page.getByRole('heading', { name: 'Write', exact: true }).waitFor();
    });

    it('asks before a new draft would replace an edited one, and keeps the edit when told to', async () => {
      await ui.pickSample(encyclopedia[0]!);
      await ui.requestDraft();
      const edited = toBullets(await ui.editor.inputValue());
      await ui.editor.fill(edited);
      await ui.page.getByRole('button', { name: 'Draft again' }).click();
      const dialog = ui.page.getByRole('dialog', { name: 'Replace your edited draft?' });
      await dialog.waitFor();
      // The safe choice has the focus, so Enter never throws the edit away.
      expect(await ui.page.evaluate(() => document.activeElement?.textContent)).toBe('Keep editing');
      await saveScreenshot(ui.page, 'write-replace-dialog', { forDocs: true, fullPage: false });
      await expectAccessible('the replace dialog');
      await ui.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(await ui.editor.inputValue()).toBe(edited);

      await ui.page.getByRole('button', { name: 'Discard draft' }).click();
      await ui.page.getByRole('dialog', { name: 'Discard your edited draft?' }).waitFor();
      await ui.page.getByRole('button', { name: 'Keep editing' }).click();
      expect(await ui.editor.inputValue()).toBe(edited);
    });

    it('keeps the draft and the edit in the browser until submitted (a reload loses nothing)', async () => {
      const edited = await ui.editor.inputValue();
      ui.page.once('dialog', (dialog) => void dialog.accept());
      await ui.page.reload();
      await ui.editor.waitFor();
      expect(await ui.editor.inputValue()).toBe(edited);
      expect(await visibleText()).toMatch(/kept in this browser/);
    });

    it('shows what it learned in a chip in view, with Undo that forgets it', async () => {
      await ui.submit();
      const chip = ui.page.getByTestId('learned-chip');
      await chip.getByRole('button', { name: /^Undo/ }).waitFor();
      expect(await chip.textContent()).toMatch(/Learned: .*bullet/i);
      expect(await inViewport('[data-testid="learned-chip"]')).toBe(true);
      expect(await ui.page.getByTestId('change-summary').textContent()).not.toMatch(/No changes yet/);
      await saveScreenshot(ui.page, 'write-learned-chip', { forDocs: true });
      await expectAccessible('Write with the learned chip');
      await chip.getByRole('button', { name: /^Undo/ }).click();
      await expect.poll(() => chip.textContent()).toMatch(/Undone/);
      const { preferences } = await tailor.get<{ preferences: unknown[] }>('/v1/users/me/preferences');
      expect(preferences).toEqual([]);
      // Nothing is kept locally once the edit is submitted.
      expect(await ui.page.evaluate(() => window.localStorage.getItem('tailor.work.me'))).toBeNull();
    });

    it('rewords the learned preference from the chip', async () => {
      await ui.nextDraft();
      await ui.pickSample(encyclopedia[0]!);
      await ui.requestDraft();
      await ui.editor.fill(toBullets(await ui.editor.inputValue()));
      await ui.submit();
      const chip = ui.page.getByTestId('learned-chip');
      await chip.getByRole('button', { name: /^Edit/ }).click();
      await ui.page.getByLabel('Preference Tailor learned').fill('bullet points');
      await ui.page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => chip.textContent()).toMatch(/Learned: “?bullet points”?Edit/);
    });

    it('marks the learned preference a draft applied, and merges the kept copy into one card', async () => {
      await ui.nextDraft();
      await ui.pickSample(encyclopedia[1]!);
      await ui.requestDraft();
      const applied = ui.page.getByTestId('applied-preference');
      expect(await applied.textContent()).toMatch(/applied.*bullet points.*learned on “The red panda/s);
      // Similarity is a detail, not shown until asked for.
      expect(await visibleText()).not.toMatch(/similarity/);
      await ui.page.getByText('How these were picked').click();
      expect(await visibleText()).toMatch(/similarity \d\.\d\d/);
      await ui.submit();
      expect(await ui.page.getByTestId('learned-chip').textContent()).toMatch(/Kept: .*bullet points/);

      await ui.view('What Tailor learned');
      const cards = ui.preferenceCards(/bullet points/);
      await cards.first().waitFor();
      expect(await cards.count()).toBe(1);
      expect(await cards.getByTestId('evidence').textContent()).toBe(
        '2 pieces of evidence: 1 edit, 1 accepted draft',
      );
      const sources = await cards.getByRole('list', { name: 'Where it came from' }).textContent();
      expect(sources).toMatch(/Lisbon.*The red panda/s);
      await saveScreenshot(ui.page, 'learned-merged');
      await expectAccessible('What Tailor learned');
      // The memory as components, each with the user's texts that show it (checked by the writer).
      await ui.page.getByText('Style components and their evidence').first().click();
      const components = ui.page.getByTestId('component-evidence').first();
      await components.waitFor();
      expect(await components.textContent()).toMatch(
        /bullet points: shown in [1-9]\d* of your texts, not in 0 · named 2 times/,
      );
      await expectAccessible('What Tailor learned');
    });

    it('tells the progress story in a headline, with a legend that matches the chart', async () => {
      await ui.view('Progress');
      const headline = ui.page.getByTestId('progress-headline');
      await headline.waitFor();
      expect(await headline.textContent()).toMatch(
        /Word edits per draft: \d+\.\d \(first draft\) → 0\.0 \(last draft\), 100% fewer edits/,
      );
      await ui.page.getByTestId('cost-chart').waitFor();
      await saveScreenshot(ui.page, 'progress', { forDocs: true });
      await expectAccessible('Progress');
    });

    it('shows no ids to people on any screen', async () => {
      for (const view of views) {
        await ui.view(view);
        await ui.page.waitForLoadState('networkidle');
        const text = await visibleText();
        expect(text, view).not.toMatch(uuid);
        expect(text, view).not.toMatch(sampleId);
        expect(text, view).not.toMatch(/about me|for me\b/);
      }
    });

    it('fits a phone: no sideways scroll, the chip and the dialog included', async () => {
      await ui.page.setViewportSize({ width: 390, height: 844 });
      const overflow = () => ui.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      for (const view of views) {
        await ui.view(view);
        expect(await overflow(), `${view} at 390 px`).toBeLessThanOrEqual(0);
        if (view !== 'Write')
          await saveScreenshot(ui.page, `${view === 'Progress' ? 'progress' : 'learned'}-phone`);
      }
      await ui.view('Write');
      expect(await overflow(), 'Write with the outcome at 390 px').toBeLessThanOrEqual(0);
      await ui.nextDraft();
      await ui.pickSample(encyclopedia[2]!);
      await ui.requestDraft();
      await ui.editor.fill(`${await ui.editor.inputValue()} Mine.`);
      expect(await inViewport('[data-testid="edit-bar"]')).toBe(true);
      await saveScreenshot(ui.page, 'write-phone', { forDocs: true });
      await ui.page.getByRole('button', { name: 'Draft again' }).click();
      await ui.page.getByRole('dialog').waitFor();
      expect(await overflow(), 'the dialog at 390 px').toBeLessThanOrEqual(0);
      await ui.page.getByRole('button', { name: 'Replace it' }).click();
      await ui.settled();
      expect(await ui.editor.inputValue()).not.toMatch(/Mine\.$/);
      expect(session.pageErrors).toEqual([]);
    });

    it('learns and undoes with the keyboard alone', async () => {
      await ui.page.setViewportSize({ width: 1280, height: 900 });
      const focused = () => ui.page.evaluate(() => document.activeElement?.textContent?.trim() ?? null);
      await ui.contextField.focus();
      await ui.page.keyboard.press('Control+A');
      await ui.page.keyboard.type('Notes from the call. The launch moves to June. Budget stays the same.');
      await ui.page.keyboard.press('Control+Enter');
      await ui.settled();
      await ui.page.keyboard.press('Control+Home');
      await ui.page.keyboard.type('In short: ');
      await ui.page.keyboard.press('Control+Enter');
      await ui.settled();
      // NOTE: focus moves once the outcome has rendered, which may follow the settled network.
      await expect.poll(() => ui.page.evaluate(() => document.activeElement?.id)).toBe('outcome-heading');
      const chip = ui.page.getByTestId('learned-chip');
      await chip.getByRole('button', { name: /^Undo/ }).waitFor();
      for (const expected of ['Next draft', 'Edit', 'Undo']) {
        await ui.page.keyboard.press('Tab');
        expect(await focused()).toBe(expected);
      }
      await ui.page.keyboard.press('Enter');
      await expect.poll(() => chip.textContent()).toMatch(/Undone/);
      expect(session.pageErrors).toEqual([]);
    });
  },
);
