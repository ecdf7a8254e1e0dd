import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findChromium } from './ui-browser.js';
import type { TailorPage } from './ui-page.js';
import { saveScreenshot } from './ui-screenshots.js';
import type { RunningTailor } from './ui-server.js';
import { openUiSession, type UiSession } from './ui-session.js';

const chromium = findChromium();

describe.skipIf(!chromium.present && !chromium.required)(
  'web UI: bad input and failures keep the text',
  () => {
    let session: UiSession;
    let tailor: RunningTailor;
    let ui: TailorPage;
    let firstSample: string;

    beforeAll(async () => {
      session = await openUiSession(chromium.path);
      ({ tailor, ui } = session);
      firstSample = (await tailor.samples('summarization'))[0]!.id;
      await ui.open(tailor.url, tailor.apiKey);
    });

    afterAll(() => session?.close());

    beforeEach(async () => {
      tailor.outage.generate = false;
      tailor.outage.learn = false;
      await tailor.start();
      if (await ui.page.getByRole('button', { name: 'Next draft' }).isVisible()) await ui.nextDraft();
    });

    /** Get a fresh draft of the first sample and type an edit into it; returns the edit. */
    async function draftAndEdit(): Promise<string> {
      await ui.pickSample(firstSample);
      await ui.requestDraft();
      const edited = `In short: ${await ui.editor.inputValue()}`;
      await ui.editor.fill(edited);
      return edited;
    }

    it('says the context is empty instead of drafting', async () => {
      await ui.contextField.fill('   ');
      await ui.requestDraft();
      expect(await ui.writeError.textContent()).toMatch(/context is empty/i);
      expect(await ui.editor.count()).toBe(0);
    });

    it('says a context over the size limit is too long, and keeps it', async () => {
      const huge = 'Lorem ipsum dolor sit amet. '.repeat(5_000);
      await ui.contextField.fill(huge);
      await ui.requestDraft();
      expect(await ui.writeError.textContent()).toMatch(/too long.*larger than \d+ bytes/i);
      expect((await ui.contextField.inputValue()).length).toBe(huge.length);
    });

    it('says the writing model failed, keeps the context, and drafts once the model is back', async () => {
      await ui.pickSample(firstSample);
      const context = await ui.contextField.inputValue();
      tailor.outage.generate = true;
      await ui.requestDraft();
      expect(await ui.writeError.textContent()).toMatch(/writing model failed.*try again/i);
      expect(await ui.contextField.inputValue()).toBe(context);
      await saveScreenshot(ui.page, 'error-model-failed');
      tailor.outage.generate = false;
      await ui.requestDraft();
      expect(await ui.writeError.count()).toBe(0);
      expect(await ui.editor.inputValue()).not.toBe('');
    });

    it('keeps the edit when the server is down, and the same edit goes through once it is back', async () => {
      const edited = await draftAndEdit();
      await tailor.stop();
      await ui.submit();
      expect(await ui.writeError.textContent()).toMatch(/Cannot reach the Tailor server/);
      expect(await ui.editor.inputValue()).toBe(edited);
      await saveScreenshot(ui.page, 'error-server-down');
      await tailor.start();
      await ui.submit();
      expect(await ui.outcome.isVisible()).toBe(true);
      expect(Number(await ui.page.getByTestId('edit-cost').textContent())).toBeGreaterThan(0);
      expect(await ui.editor.inputValue()).toBe(edited);
    });

    it('stores the edit even when the model cannot learn from it, and says learning is retried', async () => {
      const edited = await draftAndEdit();
      tailor.outage.learn = true;
      await ui.submit();
      expect(await ui.outcome.textContent()).toMatch(/edit is saved.*retries later/i);
      const { interactions } = await tailor.get<{
        interactions: { edited: string | null; status: string }[];
      }>('/v1/users/me/interactions');
      expect(interactions.at(-1)).toMatchObject({ edited, status: 'pending' });
    });

    it('shows what was recorded when the answer to a submitted edit was lost on the way', async () => {
      const edited = await draftAndEdit();
      // The request reaches the server (which stores the edit), but the page never gets the answer.
      await ui.page.route('**/learn', async (route) => {
        await route.fetch();
        await route.abort('connectionreset');
      });
      await ui.submit();
      expect(await ui.writeError.textContent()).toMatch(/Cannot reach the Tailor server/);
      await ui.page.unroute('**/learn');
      await ui.submit();
      expect(await ui.page.getByRole('status').filter({ hasText: 'already been answered' }).count()).toBe(1);
      expect(await ui.outcome.isVisible()).toBe(true);
      expect(await ui.editor.inputValue()).toBe(edited);
    });

    it('drafts, edits and submits with the keyboard alone', async () => {
      await ui.contextField.fill('The museum opens a new wing in May. It shows maps from five centuries.');
      await ui.contextField.press('Control+Enter');
      await ui.settled();
      const focusedName = () => ui.page.evaluate(() => document.activeElement?.getAttribute('name') ?? null);
      expect(await focusedName()).toBe('edited');
      await ui.page.keyboard.press('End');
      await ui.page.keyboard.type(' Tickets are free.');
      await ui.page.keyboard.press('Control+Enter');
      await ui.settled();
      await expect.poll(() => ui.page.evaluate(() => document.activeElement?.id)).toBe('outcome-heading');
      expect(await ui.editor.inputValue()).toMatch(/Tickets are free\.$/);
    });

    it('says the key was refused when it is wrong', async () => {
      await ui.page.evaluate(() => window.localStorage.setItem('tailor.apiKey', 'not-a-key'));
      await ui.page.reload();
      await expect
        .poll(() => ui.page.getByRole('alert').filter({ hasText: 'Samples could not be loaded' }).count())
        .toBe(1);
      await ui.contextField.fill('A short text to summarize. It has two sentences.');
      await ui.requestDraft();
      expect(await ui.writeError.textContent()).toMatch(/refused the API key/);
      expect(session.pageErrors).toEqual([]);
    });
  },
);
