import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTailorClient, type TailorClient } from '../../src/exports/client.js';
import type { RunningService } from '../../src/exports/server.js';
import { startOfflineService } from '../../src/server/test-app.js';

/**
 * The typed client (`@tailor-prefs/tailor/client`) against the real service (`startService`, as
 * `tailor serve` runs it: SQLite store, offline writer) over HTTP on 127.0.0.1.
 */
describe('createTailorClient against a running service', () => {
  const directory = mkdtempSync(join(tmpdir(), 'tailor-client-'));
  let service: RunningService;
  let client: TailorClient;
  let apiKey: string;

  beforeAll(async () => {
    service = await startOfflineService(directory);
    apiKey = (await service.stores.apiKeys.create({ tenant: 'acme' })).secret;
    client = createTailorClient({ baseUrl: service.url, apiKey });
  });
  afterAll(async () => {
    await service.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const article =
    'The red panda is a small mammal of the eastern Himalayas. It has reddish-brown fur and a long ringed ' +
    'tail. It eats mostly bamboo leaves and spends most of its life in trees.';

  it('generates, learns from the edit, lists the learned preference and drafts the next text with it', async () => {
    const first = await client.POST('/v1/generate', {
      body: { user: 'ada', task: 'summarization', context: article },
    });
    expect(first.error).toBeUndefined();
    expect(first.response.status).toBe(200);
    const draft = first.data!;
    expect(draft.preferenceUsed).toBeNull();
    expect(draft.text).toContain('red panda');

    const edited = draft.text
      .split(/(?<=\.)\s+/)
      .map((sentence) => `- ${sentence}`)
      .join('\n');
    const learned = await client.POST('/v1/interactions/{id}/learn', {
      params: { path: { id: draft.interactionId } },
      body: { edited },
    });
    expect(learned.data).toMatchObject({
      interactionId: draft.interactionId,
      accepted: false,
      status: 'learned',
      inferredPreference: 'bullet points',
    });
    expect(learned.data!.cost).toBeGreaterThan(0);

    const listed = await client.GET('/v1/users/{user}/preferences', {
      params: { path: { user: 'ada' }, query: { task: 'summarization' } },
    });
    expect(listed.data?.preferences.map((entry) => [entry.preference, entry.origin])).toEqual([
      ['bullet points', 'inferred'],
    ]);
    expect(listed.data?.preferences[0]?.pair).toEqual({ original: draft.text, edited });

    const next = await client.POST('/v1/generate', {
      body: { user: 'ada', task: 'summarization', context: article.replace('red panda', 'snow leopard') },
    });
    expect(next.data?.preferenceUsed).toBe('bullet points');
    expect(next.data?.text).toMatch(/^- /m);
  });

  it("answers a failed request with the API's error code, message and field", async () => {
    const empty = await client.POST('/v1/generate', { body: { user: 'ada', task: 'email', context: '' } });
    expect(empty.data).toBeUndefined();
    expect(empty.response.status).toBe(400);
    expect(empty.error?.error).toMatchObject({ code: 'invalid-input', field: 'context' });

    const missing = await client.POST('/v1/interactions/{id}/learn', {
      params: { path: { id: 'no-such-interaction' } },
      body: { edited: 'x' },
    });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.error.code).toBe('not-found');

    const stranger = createTailorClient({ baseUrl: service.url, apiKey: 'not-a-key' });
    const refused = await stranger.GET('/v1/users/{user}/preferences', { params: { path: { user: 'ada' } } });
    expect(refused.response.status).toBe(401);
    expect(refused.error?.error.code).toBe('unauthorized');
  });

  it('reads the key at every request when given a function, and /healthz needs none', async () => {
    let current = 'not-a-key';
    const rotating = createTailorClient({ baseUrl: `${service.url}//`, apiKey: () => current });
    expect(
      (await rotating.GET('/v1/samples', { params: { query: { task: 'email' } } })).response.status,
    ).toBe(401);
    current = apiKey;
    const samples = await rotating.GET('/v1/samples', { params: { query: { task: 'email' } } });
    expect(samples.data?.samples.length).toBeGreaterThan(0);

    const health = await createTailorClient({ baseUrl: service.url }).GET('/healthz');
    expect(health.data).toMatchObject({ status: 'ok', learner: 'cipher-5', store: 'sqlite' });
    expect(health.data?.writer).toMatch(/^tailor-offline:/);
  });
});
