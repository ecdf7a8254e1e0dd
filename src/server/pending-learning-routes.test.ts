import { describe, expect, it } from 'vitest';
import { ModelCallError } from '../spec/index.js';
import { ScriptedWriter } from '../testing/index.js';
import { createTestApp } from './test-app.js';

describe('failed learning over HTTP', () => {
  it('shows a failed edit with its error, and retries it on request', async () => {
    let down = true;
    const writer = new ScriptedWriter({
      generate: (options) => `Draft of: ${options.context.text}`,
      inferPreference: () => {
        if (down) {
          throw new ModelCallError({
            provider: 'test',
            modelId: 'm',
            message: 'upstream down',
            retryable: true,
          });
        }
        return 'brief';
      },
      aggregatePreferences: (options) => options.preferences.join('; '),
    });
    const { call, tailor } = await createTestApp({
      tailor: { writer, recovery: { maxAttempts: 2, baseDelayMs: 0, graceMs: 0 } },
    });
    const draft = (await (
      await call('/v1/generate', { body: { user: 'ada', task: 'email', context: 'notes' } })
    ).json()) as { interactionId: string };
    const learned = await call(`/v1/interactions/${draft.interactionId}/learn`, {
      body: { edited: 'Notes.' },
    });
    expect(await learned.json()).toMatchObject({ status: 'pending' });
    expect(await tailor.recoverPending()).toMatchObject({ failed: 1, gaveUp: 1 });
    const shown = (await (await call(`/v1/interactions/${draft.interactionId}`)).json()) as Record<
      string,
      unknown
    >;
    expect(shown).toMatchObject({ status: 'failed', learnAttempts: 2, edited: 'Notes.' });
    expect(shown.lastError).toContain('upstream down');

    const early = await call(`/v1/interactions/${draft.interactionId}/learn`, { body: { edited: 'again' } });
    expect(early.status).toBe(409);
    down = false;
    const retried = await call(`/v1/interactions/${draft.interactionId}/retry`, { method: 'POST' });
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ status: 'pending', learnAttempts: 0 });
    expect(await tailor.recoverPending()).toMatchObject({ learned: 1 });
    const after = (await (await call(`/v1/interactions/${draft.interactionId}`)).json()) as Record<
      string,
      unknown
    >;
    expect(after).toMatchObject({ status: 'learned', preferenceInferred: 'brief' });
    const twice = await call(`/v1/interactions/${draft.interactionId}/retry`, { method: 'POST' });
    expect(twice.status).toBe(409);
    expect((await call('/v1/interactions/nope/retry', { method: 'POST' })).status).toBe(404);
  });
});
