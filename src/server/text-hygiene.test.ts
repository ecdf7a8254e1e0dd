import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStores } from '../store/open-stores.js';
import { describePostgres, openPostgresTestDatabase } from '../store/postgres-test-database.js';
import { SqlInteractionStore } from '../store/sql-interaction-store.js';
import { SqlMemory } from '../store/sql-memory.js';
import { ScriptedWriter } from '../testing/index.js';
import type { Interaction, InteractionStore, Memory } from '../spec/index.js';
import { serviceTestWriter } from '../service/test-tailor.js';
import { createTestApp } from './test-app.js';

const nul = 'a\u0000b';
const lone = 'x\uD800y';

/**
 * Every request carrying a NUL or an unpaired surrogate in an identifier (body, path or query), with
 * the field its 400 must name: the same on every store.
 */
interface Probe {
  readonly name: string;
  readonly path: string;
  readonly method?: string;
  readonly body?: unknown;
}

const probes = (interactionId: string): Probe[] => [
  ...[nul, lone].flatMap((bad) => [
    { name: 'user', path: '/v1/generate', body: { user: bad, task: 'email', context: 'notes' } },
    {
      name: 'contextId',
      path: '/v1/generate',
      body: { user: 'ada', task: 'email', context: 'notes', contextId: bad },
    },
    {
      name: 'task',
      path: '/v1/generate',
      body: { user: 'ada', task: { name: bad, instruction: 'Write a post' }, context: 'notes' },
    },
    { name: 'task', path: '/v1/users/ada/preferences', body: { task: bad, preference: 'brief' } },
  ]),
  // NOTE: a URL cannot carry an unpaired surrogate (its UTF-8 does not exist), so paths and queries
  // are probed with NUL (%00) only.
  { name: 'id', path: `/v1/interactions/${encodeURIComponent(nul)}` },
  {
    name: 'id',
    path: `/v1/interactions/${interactionId}${encodeURIComponent(nul)}/learn`,
    body: { edited: 'x' },
  },
  { name: 'user', path: `/v1/users/${encodeURIComponent(nul)}/interactions` },
  { name: 'task', path: `/v1/users/ada/preferences?task=${encodeURIComponent(nul)}` },
  {
    name: 'user',
    path: `/v1/users/${encodeURIComponent(nul)}/preferences`,
    method: 'POST',
    body: { task: 'email', preference: 'brief' },
  },
];

async function expectSameHygiene(stores: { memory: Memory; interactions: InteractionStore }) {
  const { call } = await createTestApp({ tailor: { ...stores, writer: serviceTestWriter() } });
  const generated = await call('/v1/generate', { body: { user: 'ada', task: 'email', context: 'notes' } });
  expect(generated.status).toBe(200);
  const { interactionId } = (await generated.json()) as { interactionId: string };
  for (const probe of probes(interactionId)) {
    const response = await call(probe.path, { method: probe.method, body: probe.body });
    const body = (await response.json()) as { error?: { code: string; field?: string; message: string } };
    expect({ probe: probe.path, status: response.status, field: body.error?.field?.split('.')[0] }).toEqual({
      probe: probe.path,
      status: 400,
      field: probe.name,
    });
    expect(body.error?.message).toMatch(/NUL|surrogate/);
  }
  // Free texts are normalised, as every store keeps them: NUL dropped, an unpaired surrogate U+FFFD.
  const pasted = await call('/v1/generate', {
    body: { user: 'ada', task: { name: 'post', instruction: `Write ${lone}` }, context: `notes ${nul}` },
  });
  expect(pasted.status).toBe(200);
  const { interactionId: pastedId } = (await pasted.json()) as { interactionId: string };
  const learned = await call(`/v1/interactions/${pastedId}/learn`, { body: { edited: `Edited ${nul}` } });
  expect(learned.status).toBe(200);
  const shown = (await (await call(`/v1/interactions/${pastedId}`)).json()) as Interaction;
  expect([shown.contextText, shown.edited, shown.task]).toEqual([
    'notes ab',
    'Edited ab',
    { kind: 'custom', name: 'post', instruction: 'Write x\uFFFDy' },
  ]);
  const added = await call('/v1/users/ada/preferences', {
    body: { task: 'email', preference: `brief${nul}` },
  });
  expect([added.status, ((await added.json()) as { preference: string }).preference]).toEqual([
    201,
    'briefab',
  ]);
  // Nothing was stored by a refused request: only the two drafts above, the first still unedited.
  const listed = (await (await call('/v1/users/ada/interactions')).json()) as { interactions: Interaction[] };
  expect(listed.interactions.map((interaction) => [interaction.id, interaction.status])).toEqual([
    [interactionId, 'awaiting-edit'],
    [pastedId, 'learned'],
  ]);
}

/** A model whose draft holds a NUL and an unpaired surrogate: stored normalised, never a 5xx. */
async function expectModelTextNormalised(stores: { memory: Memory; interactions: InteractionStore }) {
  const writer = new ScriptedWriter({
    generate: () => 'Draft\u0000 with \uD800 oddities 🎉',
    inferPreference: () => 'brief',
    aggregatePreferences: (options) => options.preferences.join('; '),
  });
  const { call } = await createTestApp({ tailor: { ...stores, writer } });
  const generated = await call('/v1/generate', { body: { user: 'bob', task: 'email', context: 'notes' } });
  expect(generated.status).toBe(200);
  const { interactionId } = (await generated.json()) as { interactionId: string };
  const shown = (await (await call(`/v1/interactions/${interactionId}`)).json()) as Interaction;
  expect(shown.output).toBe('Draft with \uFFFD oddities 🎉');
}

describe('text hygiene over HTTP: in-memory stores', () => {
  it('answers 400 naming the identifier holding a NUL or an unpaired surrogate, and normalises free texts', async () => {
    const { memory, interactions } = (await import('../service/test-tailor.js')).createTestTailor();
    await expectSameHygiene({ memory, interactions });
  });
  it("normalises the model's text", async () => {
    const { memory, interactions } = (await import('../service/test-tailor.js')).createTestTailor();
    await expectModelTextNormalised({ memory, interactions });
  });
});

describe('text hygiene over HTTP: SQLite', () => {
  const directory = mkdtempSync(join(tmpdir(), 'tailor-hygiene-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  it('answers and stores as in memory', async () => {
    const stores = await openStores(join(directory, 'a.sqlite'));
    try {
      await expectSameHygiene(stores);
      await expectModelTextNormalised(stores);
    } finally {
      await stores.close();
    }
  });
});

describePostgres('text hygiene over HTTP: PostgreSQL', (url) => {
  it('answers and stores as in memory (never 500)', async () => {
    const database = await openPostgresTestDatabase(url);
    try {
      const stores = {
        memory: new SqlMemory(database),
        interactions: new SqlInteractionStore(database),
      };
      await expectSameHygiene(stores);
      await expectModelTextNormalised(stores);
    } finally {
      await database.close();
    }
  });
});
