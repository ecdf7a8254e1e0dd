import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelCallError } from '../spec/index.js';
import { createLexicalEmbedder } from '../sim/lexical-embedder.js';
import { ScriptedWriter } from '../testing/index.js';
import { contextCheckingEmbedder } from '../service/context-checking-embedder.js';
import { createTestApp } from './test-app.js';

const generateBody = { user: 'ada', task: 'email', context: 'notes about the offsite on friday' };

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; field?: string } }).error;
}

describe('createApp: drafts and learning', () => {
  it('generates, learns and shows the interaction', async () => {
    const { call } = await createTestApp();
    const generated = await call('/v1/generate', { body: generateBody });
    expect(generated.status).toBe(200);
    const draft = (await generated.json()) as { interactionId: string; text: string; neighbours: unknown[] };
    expect(draft.text).toBe('Draft of: notes about the offsite on friday');
    expect(draft.neighbours).toEqual([]);

    const learned = await call(`/v1/interactions/${draft.interactionId}/learn`, {
      body: { edited: 'Hi all, offsite' },
    });
    expect(learned.status).toBe(200);
    expect(await learned.json()).toMatchObject({
      status: 'learned',
      accepted: false,
      inferredPreference: 'likes "Hi"',
    });

    const shown = await call(`/v1/interactions/${draft.interactionId}`);
    const shownBody = (await shown.json()) as Record<string, unknown>;
    expect(shownBody).not.toHaveProperty('embedding');
    expect(shownBody).toMatchObject({
      id: draft.interactionId,
      status: 'learned',
      edited: 'Hi all, offsite',
    });
    const list = await call('/v1/users/ada/interactions?task=email');
    const listed = ((await list.json()) as { interactions: object[] }).interactions;
    expect(listed).toHaveLength(1);
    expect(listed[0]).not.toHaveProperty('embedding');
    const again = await call('/v1/generate', {
      body: { ...generateBody, context: 'notes about the offsite' },
    });
    expect(await again.json()).toMatchObject({
      preferenceUsed: 'likes "Hi"',
      neighbours: [{ contextPreview: 'notes about the offsite on friday', preference: 'likes "Hi"' }],
    });
  });

  it("lists a user's preference components with their evidence, per task", async () => {
    const { call } = await createTestApp();
    const draft = (await (await call('/v1/generate', { body: generateBody })).json()) as {
      interactionId: string;
    };
    await call(`/v1/interactions/${draft.interactionId}/learn`, { body: { edited: 'Hi all, offsite' } });
    const listed = await call('/v1/users/ada/components?task=email');
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as { task: string; components: Record<string, unknown>[] };
    expect(body.task).toBe('email');
    expect(body.components).toEqual([
      expect.objectContaining({
        component: 'likes "Hi"',
        mentions: 1,
        supporting: null,
        contradicting: null,
        interactionIds: [draft.interactionId],
      }),
    ]);
    expect(
      (
        (await (await call('/v1/users/ada/components?task=summarization')).json()) as {
          components: unknown[];
        }
      ).components,
    ).toEqual([]);
    expect((await call('/v1/users/ada/components')).status).toBe(400);
  });

  it('takes a custom task and lists its interactions by name', async () => {
    const { call } = await createTestApp();
    const task = { name: 'linkedin', instruction: 'Write a LinkedIn post from these notes.' };
    expect((await call('/v1/generate', { body: { ...generateBody, task } })).status).toBe(200);
    const listed = await call('/v1/users/ada/interactions?task=linkedin');
    const { interactions } = (await listed.json()) as { interactions: { task: unknown }[] };
    expect(interactions.map((interaction) => interaction.task)).toEqual([{ kind: 'custom', ...task }]);
  });

  it('answers 409 when learning twice and 404 for an unknown interaction', async () => {
    const { call } = await createTestApp();
    const { interactionId } = (await (await call('/v1/generate', { body: generateBody })).json()) as {
      interactionId: string;
    };
    await call(`/v1/interactions/${interactionId}/learn`, { body: { edited: 'first' } });
    const twice = await call(`/v1/interactions/${interactionId}/learn`, { body: { edited: 'second' } });
    expect(twice.status).toBe(409);
    expect((await errorOf(twice)).code).toBe('conflict');
    const stored = (await (await call(`/v1/interactions/${interactionId}`)).json()) as { edited: string };
    expect(stored.edited).toBe('first');
    const unknown = await call('/v1/interactions/no-such-id/learn', { body: { edited: 'x' } });
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('not-found');
  });

  it('says pending, not an error, when the model fails while learning', async () => {
    const writer = new ScriptedWriter({
      generate: 'draft',
      inferPreference: () => {
        throw new ModelCallError({ provider: 'fake', modelId: 'm', message: 'overloaded', retryable: true });
      },
    });
    const { call, interactions } = await createTestApp({ tailor: { writer } });
    const { interactionId } = (await (await call('/v1/generate', { body: generateBody })).json()) as {
      interactionId: string;
    };
    const learned = await call(`/v1/interactions/${interactionId}/learn`, { body: { edited: 'mine' } });
    expect(learned.status).toBe(200);
    expect(await learned.json()).toMatchObject({ status: 'pending', inferredPreference: null });
    expect(await interactions.get({ tenant: 'tenant-a', id: interactionId })).toMatchObject({
      edited: 'mine',
      status: 'pending',
    });
  });

  it('maps a failing model to 503 (retryable) or 502', async () => {
    for (const [retryable, status] of [
      [true, 503],
      [false, 502],
    ] as const) {
      const writer = new ScriptedWriter({
        generate: () => {
          throw new ModelCallError({ provider: 'fake', modelId: 'm', message: 'boom', retryable });
        },
      });
      const { call } = await createTestApp({ tailor: { writer } });
      const response = await call('/v1/generate', { body: generateBody });
      expect(response.status).toBe(status);
      expect((await errorOf(response)).code).toBe('model-call-failed');
    }
  });
});

describe('createApp: bad input', () => {
  it('answers 413 for a body over 100 KB and keeps what was stored', async () => {
    const { call } = await createTestApp();
    await call('/v1/generate', { body: generateBody });
    const big = await call('/v1/generate', { body: { ...generateBody, context: 'x'.repeat(101 * 1024) } });
    expect(big.status).toBe(413);
    expect((await errorOf(big)).code).toBe('payload-too-large');
    const list = (await (await call('/v1/users/ada/interactions')).json()) as { interactions: unknown[] };
    expect(list.interactions).toHaveLength(1);
  });

  it('answers 400 naming the field for malformed JSON, wrong and unknown fields', async () => {
    const { call } = await createTestApp();
    const cases: [Parameters<typeof call>[1], string][] = [
      [{ raw: '{"user": "ada", "task": ' }, 'body'],
      [{ body: { ...generateBody, task: 'poetry' } }, 'task'],
      [{ body: { ...generateBody, context: 42 } }, 'context'],
      [{ body: { ...generateBody, user: '' } }, 'user'],
      [{ body: { task: 'email', context: 'notes' } }, 'user'],
      [{ body: { ...generateBody, colour: 'blue' } }, 'colour'],
      [{ body: { ...generateBody, task: { name: 'x' } } }, 'task'],
    ];
    for (const [init, field] of cases) {
      const response = await call('/v1/generate', init);
      expect(response.status, JSON.stringify(init)).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe('invalid-input');
      expect(error.field, JSON.stringify(init)).toBe(field);
    }
    const learn = await call('/v1/interactions/x/learn', { body: { edit: 'typo in the field name' } });
    expect(await errorOf(learn)).toMatchObject({ code: 'invalid-input', field: 'edit' });
  });

  it('answers 422 when the embedder rejects the context', async () => {
    const embedder = contextCheckingEmbedder(createLexicalEmbedder({ dimensions: 64 }));
    const { call } = await createTestApp({ tailor: { embedder } });
    const response = await call('/v1/generate', { body: { ...generateBody, context: '   \n\t ' } });
    expect(response.status).toBe(422);
    expect(await errorOf(response)).toMatchObject({ code: 'unprocessable', field: 'context' });
    expect((await call('/v1/generate', { body: generateBody })).status).toBe(200);
  });
});

describe('createApp: keys and tenants', () => {
  it('answers 401 without a key, with an unknown key and with a revoked key', async () => {
    const { call, apiKeys, keyA } = await createTestApp();
    expect((await call('/healthz', { key: null })).status).toBe(200);
    for (const key of [null, 'tailor_sk_unknown']) {
      const response = await call('/v1/users/ada/preferences', { key });
      expect(response.status).toBe(401);
      expect((await errorOf(response)).code).toBe('unauthorized');
    }
    expect((await call('/v1/users/ada/preferences')).status).toBe(200);
    await apiKeys.revoke(keyA.key.id);
    expect((await call('/v1/users/ada/preferences')).status).toBe(401);
  });

  it("hides another tenant's interactions, users and preferences", async () => {
    const { call, keyB } = await createTestApp();
    const { interactionId } = (await (await call('/v1/generate', { body: generateBody })).json()) as {
      interactionId: string;
    };
    const added = (await (
      await call('/v1/users/ada/preferences', { body: { task: 'email', preference: 'sign as Ada' } })
    ).json()) as { id: string };
    const asB = { key: keyB.secret };
    expect((await call(`/v1/interactions/${interactionId}`, asB)).status).toBe(404);
    expect(
      (await call(`/v1/interactions/${interactionId}/learn`, { ...asB, body: { edited: 'x' } })).status,
    ).toBe(404);
    expect((await call('/v1/users/ada', { ...asB, method: 'DELETE' })).status).toBe(404);
    expect(
      (
        await call(`/v1/users/ada/preferences/${added.id}`, {
          ...asB,
          method: 'PATCH',
          body: { pinned: false },
        })
      ).status,
    ).toBe(404);
    expect((await call(`/v1/users/ada/preferences/${added.id}`, { ...asB, method: 'DELETE' })).status).toBe(
      404,
    );
    const listed = (await (await call('/v1/users/ada/preferences', asB)).json()) as {
      preferences: unknown[];
    };
    expect(listed.preferences).toEqual([]);
    // Tenant A's data is untouched.
    const mine = (await (await call('/v1/users/ada/preferences')).json()) as {
      preferences: { pinned: boolean }[];
    };
    expect(mine.preferences).toEqual([expect.objectContaining({ pinned: true })]);
  });
});

describe('createApp: preferences, forget, export', () => {
  it('adds, rewords, unpins and deletes preferences', async () => {
    const { call } = await createTestApp();
    const created = await call('/v1/users/ada/preferences', { body: { task: 'email', preference: 'brief' } });
    expect(created.status).toBe(201);
    const preference = (await created.json()) as { id: string };
    expect(preference).toMatchObject({ origin: 'user', pinned: true, task: 'email', preference: 'brief' });
    const path = `/v1/users/ada/preferences/${preference.id}`;
    const reworded = await call(path, { method: 'PATCH', body: { preference: 'very brief', pinned: false } });
    expect(await reworded.json()).toMatchObject({ preference: 'very brief', pinned: false });
    expect((await call(path, { method: 'PATCH', body: { preference: '' } })).status).toBe(400);
    expect((await call(path, { method: 'DELETE' })).status).toBe(204);
    expect((await call(path, { method: 'DELETE' })).status).toBe(404);
  });

  it('forgets a user and exports edits as JSON Lines', async () => {
    const { call } = await createTestApp();
    const { interactionId } = (await (await call('/v1/generate', { body: generateBody })).json()) as {
      interactionId: string;
    };
    await call(`/v1/interactions/${interactionId}/learn`, {
      body: { edited: 'Team: offsite is on Friday.' },
    });
    const exported = await call('/v1/users/ada/export.jsonl');
    expect(exported.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await exported.text())
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as object);
    expect(lines).toEqual([
      expect.objectContaining({ chosen: 'Team: offsite is on Friday.', rationale: 'likes "Team:"' }),
    ]);
    const forgotten = await call('/v1/users/ada', { method: 'DELETE' });
    expect(await forgotten.json()).toEqual({ deleted: 2 });
    expect(await (await call('/v1/users/ada/export.jsonl')).text()).toBe('');
  });
});

describe('createApp: documents, metrics, samples and the UI', () => {
  it('publishes an OpenAPI 3.1 document of its routes', async () => {
    const { call } = await createTestApp();
    const document = (await (await call('/openapi.json', { key: null })).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/v1/generate',
        '/v1/interactions/{id}/learn',
        '/v1/users/{user}/preferences/{id}',
        '/v1/chat/completions',
      ]),
    );
  });

  it('counts requests by route and status, and edit costs', async () => {
    const metricsToken = 'metrics-token-for-tests';
    const { call } = await createTestApp({ app: { metricsToken } });
    const { interactionId } = (await (await call('/v1/generate', { body: generateBody })).json()) as {
      interactionId: string;
    };
    await call(`/v1/interactions/${interactionId}/learn`, { body: { edited: 'Hello' } });
    await call('/v1/interactions/unknown');
    const text = await (await call('/metrics', { key: metricsToken })).text();
    expect(text).toContain('tailor_http_requests_total{method="POST",route="/v1/generate",status="200"} 1');
    expect(text).toContain(
      'tailor_http_requests_total{method="GET",route="/v1/interactions/:id",status="404"} 1',
    );
    expect(text).toMatch(/tailor_edit_cost_words_count 1/);
    expect(text).toMatch(/tailor_model_tokens_total|tailor_http_request_duration_seconds_bucket/);
  });

  it('serves samples and the built UI', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'tailor-app-'));
    try {
      writeFileSync(join(directory, 'index.html'), '<!doctype html><title>Tailor UI</title>');
      const samples = async () => [{ id: 'n1', source: 'news', text: 'An article.' }];
      const { call } = await createTestApp({ app: { staticRoot: directory, samples } });
      const page = await call('/', { key: null });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Tailor UI');
      const listed = await call('/v1/samples?task=summarization');
      expect(await listed.json()).toEqual({ samples: [{ id: 'n1', source: 'news', text: 'An article.' }] });
      expect((await call('/v1/samples?task=poems')).status).toBe(400);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
