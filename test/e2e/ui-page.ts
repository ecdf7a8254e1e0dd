import type { Locator, Page } from 'playwright-core';

/**
 * The Tailor page as a person uses it: every step goes through labelled controls (so the tests also
 * check the page is usable by label), never through CSS selectors of layout.
 */
export class TailorPage {
  constructor(readonly page: Page) {}

  /** Open the page with the API key in the fragment, as `npm start` prints it. */
  async open(baseUrl: string, apiKey: string): Promise<void> {
    await this.page.goto(`${baseUrl}/#key=${encodeURIComponent(apiKey)}`);
    await this.page.getByRole('heading', { name: 'Write', exact: true }).waitFor();
  }

  view(name: 'Write' | 'What Tailor learned' | 'Progress'): Promise<void> {
    return this.page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name, exact: true })
      .click();
  }

  get contextField(): Locator {
    return this.page.getByLabel(/^Context/);
  }

  get editor(): Locator {
    return this.page.getByLabel(/^Draft: edit it/);
  }

  get writeError(): Locator {
    return this.page.getByTestId('write-error');
  }

  get whyThisDraft(): Locator {
    return this.page.getByTestId('why-this-draft');
  }

  get outcome(): Locator {
    return this.page.getByTestId('learn-outcome');
  }

  async pickSample(sampleId: string): Promise<void> {
    const select = this.page.getByLabel('Sample context');
    await select.locator(`option[value="${sampleId}"]`).waitFor({ state: 'attached' });
    await select.selectOption(sampleId);
  }

  /** Ask for a draft and wait until the draft (or an error) is shown. */
  async requestDraft(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Draft|Draft again)$/ }).click();
    await this.settled();
  }

  /** Submit the editor's text (an edit, or the unchanged draft to accept it) and wait for the answer. */
  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Submit edit|Accept draft)$/ }).click();
    await this.settled();
  }

  /** Wait until no request of the Write view is in flight. */
  async settled(): Promise<void> {
    await this.page.locator('[data-testid="review"][aria-busy="false"]').waitFor();
  }

  async nextDraft(): Promise<void> {
    await this.page.getByRole('button', { name: 'Next draft' }).click();
  }

  /** Cards of the learned preferences whose wording matches. */
  preferenceCards(wording?: RegExp): Locator {
    const cards = this.page.getByTestId('preference-card');
    return wording ? cards.filter({ has: this.page.locator('q.preference', { hasText: wording }) }) : cards;
  }
}
