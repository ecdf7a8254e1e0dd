import { describe, expect, it } from 'vitest';
import { serviceTestWriter } from '../service/test-tailor.js';
import { textLimits } from './api-schemas.js';
import { createTestApp } from './test-app.js';

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; field?: string } }).error;
}

describe('per-field text limits', () => {
  it('refuses a context over the limit with a 400 naming the field and the limit, before any work', async () => {
    const writer = serviceTestWriter();
    const { call } = await createTestApp({ tailor: { writer } });
    const context = 'x'.repeat(textLimits.context + 1);
    const response = await call('/v1/generate', { body: { user: 'ada', task: 'email', context } });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.field).toBe('context');
    expect(error.message).toContain(`at most ${textLimits.context} characters`);
    expect(error.message).toContain(String(textLimits.context + 1));
    expect(writer.calls).toHaveLength(0);
    const atLimit = await call('/v1/generate', {
      body: { user: 'ada', task: 'email', context: 'x'.repeat(textLimits.context) },
    });
    expect(atLimit.status).toBe(200);
  });

  it('refuses an edit, a preference and a task instruction over their limits', async () => {
    const { call } = await createTestApp();
    const draft = (await (
      await call('/v1/generate', { body: { user: 'ada', task: 'email', context: 'notes' } })
    ).json()) as { interactionId: string };
    const edit = await call(`/v1/interactions/${draft.interactionId}/learn`, {
      body: { edited: 'y'.repeat(textLimits.edited + 1) },
    });
    expect(edit.status).toBe(400);
    expect(await errorOf(edit)).toMatchObject({ field: 'edited' });
    const shown = (await (await call(`/v1/interactions/${draft.interactionId}`)).json()) as {
      status: string;
    };
    expect(shown.status).toBe('awaiting-edit');

    const preference = await call('/v1/users/ada/preferences', {
      body: { task: 'email', preference: 'z'.repeat(textLimits.preference + 1) },
    });
    expect(preference.status).toBe(400);
    expect(await errorOf(preference)).toMatchObject({ field: 'preference' });

    const task = { name: 'memo', instruction: 'w'.repeat(textLimits.instruction + 1) };
    const custom = await call('/v1/generate', { body: { user: 'ada', task, context: 'notes' } });
    expect(custom.status).toBe(400);
    expect((await errorOf(custom)).field).toBe('task.instruction');
  });

  it('publishes the limits in the OpenAPI document', async () => {
    const { call } = await createTestApp();
    const document = (await (await call('/openapi.json')).json()) as {
      components: { schemas: Record<string, { properties: Record<string, { maxLength?: number }> }> };
    };
    const schemas = document.components.schemas;
    expect(schemas.GenerateRequest?.properties.context?.maxLength).toBe(textLimits.context);
    expect(schemas.LearnRequest?.properties.edited?.maxLength).toBe(textLimits.edited);
    expect(schemas.AddPreferenceRequest?.properties.preference?.maxLength).toBe(textLimits.preference);
  });
});
