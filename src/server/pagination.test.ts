import { describe, expect, it } from 'vitest';
import { pageLimits } from './api-schemas.js';
import { createTestApp } from './test-app.js';

type Call = Awaited<ReturnType<typeof createTestApp>>['call'];

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

async function generate(call: Call, count: number, user = 'ada'): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const response = await call('/v1/generate', {
      body: { user, task: 'email', context: `notes number ${index} about the offsite` },
    });
    ids.push((await json<{ interactionId: string }>(response)).interactionId);
  }
  return ids;
}

interface InteractionPage {
  interactions: { id: string }[];
  nextCursor: string | null;
}

describe('GET /v1/users/{user}/interactions in pages', () => {
  it('?limit=5 returns 5 items and a cursor that returns the rest, oldest first', async () => {
    const { call } = await createTestApp();
    const ids = await generate(call, 7);
    await generate(call, 2, 'bob');
    const first = await json<InteractionPage>(await call('/v1/users/ada/interactions?limit=5'));
    expect(first.interactions.map((interaction) => interaction.id)).toEqual(ids.slice(0, 5));
    expect(typeof first.nextCursor).toBe('string');
    const rest = await json<InteractionPage>(
      await call(`/v1/users/ada/interactions?limit=5&cursor=${encodeURIComponent(first.nextCursor!)}`),
    );
    expect(rest.interactions.map((interaction) => interaction.id)).toEqual(ids.slice(5));
    expect(rest.nextCursor).toBeNull();

    const whole = await json<InteractionPage>(await call('/v1/users/ada/interactions'));
    expect(whole.interactions.map((interaction) => interaction.id)).toEqual(ids);
    expect(whole.nextCursor).toBeNull();
  });

  it(`answers at most ${pageLimits.interactions.max} without a limit, and a cursor for the rest`, async () => {
    const { call } = await createTestApp();
    const ids = await generate(call, pageLimits.interactions.max + 3);
    const first = await json<InteractionPage>(await call('/v1/users/ada/interactions'));
    expect(first.interactions).toHaveLength(pageLimits.interactions.max);
    const rest = await json<InteractionPage>(
      await call(`/v1/users/ada/interactions?cursor=${encodeURIComponent(first.nextCursor!)}`),
    );
    expect([...first.interactions, ...rest.interactions].map((interaction) => interaction.id)).toEqual(ids);
    expect(rest.nextCursor).toBeNull();
  });

  it('refuses a limit out of range and a cursor it did not give, naming the parameter', async () => {
    const { call } = await createTestApp();
    await generate(call, 1);
    for (const [query, field] of [
      ['limit=0', 'limit'],
      [`limit=${pageLimits.interactions.max + 1}`, 'limit'],
      ['limit=abc', 'limit'],
      ['limit=2.5', 'limit'],
      ['cursor=not-ours', 'cursor'],
      ['cursor=%00', 'cursor'],
    ]) {
      const response = await call(`/v1/users/ada/interactions?${query}`);
      expect([query, response.status]).toEqual([query, 400]);
      expect((await json<{ error: { field: string } }>(response)).error.field).toBe(field);
    }
  });
});

describe('GET /v1/users/{user}/preferences in pages', () => {
  it('pages task by task: ?limit=5 returns 5 and a cursor that returns the rest', async () => {
    const { call } = await createTestApp();
    const added: string[] = [];
    for (const [task, preference] of [
      ['email', 'sign as Ada'],
      ['summarization', 'bullet points'],
      ['email', 'no greeting'],
      ['summarization', 'one line'],
      ['email', 'short sentences'],
      ['email', 'plain words'],
      ['summarization', 'a TL;DR'],
    ]) {
      const response = await call('/v1/users/ada/preferences', { body: { task, preference } });
      expect(response.status).toBe(201);
      added.push(`${task}: ${preference}`);
    }
    interface PreferencePage {
      preferences: { task: string; preference: string }[];
      nextCursor: string | null;
    }
    const shown = (page: PreferencePage) =>
      page.preferences.map((item) => `${item.task}: ${item.preference}`);
    const whole = await json<PreferencePage>(await call('/v1/users/ada/preferences'));
    expect(whole.nextCursor).toBeNull();
    expect(shown(whole)).toHaveLength(7);
    const first = await json<PreferencePage>(await call('/v1/users/ada/preferences?limit=5'));
    expect(shown(first)).toEqual(shown(whole).slice(0, 5));
    const rest = await json<PreferencePage>(
      await call(`/v1/users/ada/preferences?limit=5&cursor=${encodeURIComponent(first.nextCursor!)}`),
    );
    expect(shown(rest)).toEqual(shown(whole).slice(5));
    expect(rest.nextCursor).toBeNull();
    expect(shown(whole).sort()).toEqual([...added].sort());

    const emailOnly = await json<PreferencePage>(await call('/v1/users/ada/preferences?task=email&limit=3'));
    expect(shown(emailOnly)).toEqual(['email: sign as Ada', 'email: no greeting', 'email: short sentences']);
    const emailRest = await json<PreferencePage>(
      await call(
        `/v1/users/ada/preferences?task=email&limit=3&cursor=${encodeURIComponent(emailOnly.nextCursor!)}`,
      ),
    );
    expect([shown(emailRest), emailRest.nextCursor]).toEqual([['email: plain words'], null]);
    expect((await call('/v1/users/ada/preferences?cursor=bogus')).status).toBe(400);
  });
});

describe('GET /v1/users/{user}/export.jsonl in pages', () => {
  it("answers limit interactions' pairs and links the next page until the last", async () => {
    const { call } = await createTestApp();
    const ids = await generate(call, 5);
    for (const id of ids) {
      await call(`/v1/interactions/${id}/learn`, { body: { edited: `Edited ${id.slice(0, 4)} notes` } });
    }
    const seen: string[] = [];
    let path: string | undefined = '/v1/users/ada/export.jsonl?limit=2';
    let pages = 0;
    while (path !== undefined) {
      const response = await call(path);
      expect(response.status).toBe(200);
      const lines = (await response.text()).split('\n').filter((line) => line !== '');
      seen.push(...lines.map((line) => (JSON.parse(line) as { interactionId: string }).interactionId));
      const link = response.headers.get('link');
      expect(link === null).toBe(response.headers.get('tailor-next-cursor') === null);
      path = link === null ? undefined : /^<([^>]+)>; rel="next"$/.exec(link)?.[1];
      pages += 1;
    }
    expect(seen).toEqual(ids);
    expect(pages).toBe(3);
    const whole = await call('/v1/users/ada/export.jsonl');
    expect(whole.headers.get('link')).toBeNull();
    expect((await whole.text()).trim().split('\n')).toHaveLength(5);
  });
});

describe('the OpenAPI document', () => {
  it('documents limit (default and maximum) and cursor on the list routes', async () => {
    const { call } = await createTestApp();
    const document = await json<{
      paths: Record<string, { get: { parameters: { name: string; schema: Record<string, unknown> }[] } }>;
    }>(await call('/openapi.json', { key: null }));
    for (const [path, limits] of [
      ['/v1/users/{user}/interactions', pageLimits.interactions],
      ['/v1/users/{user}/preferences', pageLimits.preferences],
      ['/v1/users/{user}/export.jsonl', pageLimits.interactions],
    ] as const) {
      const parameters = document.paths[path]!.get.parameters;
      const limit = parameters.find((parameter) => parameter.name === 'limit');
      expect(limit?.schema).toMatchObject({ minimum: 1, maximum: limits.max, default: limits.default });
      expect(parameters.some((parameter) => parameter.name === 'cursor')).toBe(true);
    }
  });
});
