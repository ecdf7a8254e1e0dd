import { describe, expect, it } from 'vitest';
import { createApiClient } from './api-client.js';
import { ApiError, describeApiError } from './api-error.js';

interface Recorded {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

function fakeFetch(respond: (request: Recorded) => Response | Promise<Response>) {
  const calls: Recorded[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    const text = await request.text();
    const recorded: Recorded = {
      url: request.url,
      method: request.method,
      headers: Object.fromEntries(request.headers),
      body: text === '' ? undefined : JSON.parse(text),
    };
    calls.push(recorded);
    return respond(recorded);
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('createApiClient', () => {
  it("reads a user's whole history, page after page, until the last page", async () => {
    const fake = fakeFetch((request) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      const page = cursor === null ? 1 : Number(cursor);
      return json(200, {
        interactions: [{ id: `i${page}` }],
        nextCursor: page < 3 ? String(page + 1) : null,
      });
    });
    const client = createApiClient({ baseUrl: 'http://127.0.0.1:9/', getKey: () => 'k', fetch: fake.fetch });
    const interactions = await client.interactions('me', 'email');
    expect(interactions.map((interaction) => interaction.id)).toEqual(['i1', 'i2', 'i3']);
    expect(fake.calls.map((call) => new URL(call.url).search)).toEqual([
      '?task=email',
      '?task=email&cursor=2',
      '?task=email&cursor=3',
    ]);
  });

  it('sends the current key and JSON body to paths under the base URL', async () => {
    let key = 'first';
    const fake = fakeFetch(() =>
      json(200, { interactionId: 'i1', text: 'Draft', preferenceUsed: null, neighbours: [] }),
    );
    const client = createApiClient({
      baseUrl: 'http://127.0.0.1:9/app/',
      getKey: () => key,
      fetch: fake.fetch,
    });
    key = 'second';
    const draft = await client.generate({ user: 'me', task: 'summarization', context: 'Text' });
    expect(draft.text).toBe('Draft');
    expect(fake.calls[0]).toEqual({
      url: 'http://127.0.0.1:9/app/v1/generate',
      method: 'POST',
      headers: { authorization: 'Bearer second', 'content-type': 'application/json' },
      body: { user: 'me', task: 'summarization', context: 'Text' },
    });
  });

  it("calls the API beside the page, whatever the page's URL carries, with the task only when given", async () => {
    const fake = fakeFetch(() => json(200, { preferences: [], nextCursor: null }));
    const client = createApiClient({
      baseUrl: 'http://127.0.0.1:9/app/index.html?x=1#token=abc',
      getKey: () => 'k',
      fetch: fake.fetch,
    });
    await client.preferences('ada');
    await client.preferences('ada', 'email');
    expect(fake.calls.map((call) => call.url)).toEqual([
      'http://127.0.0.1:9/app/v1/users/ada/preferences',
      'http://127.0.0.1:9/app/v1/users/ada/preferences?task=email',
    ]);
  });

  it('escapes user ids and ids in paths', async () => {
    const fake = fakeFetch(() => new Response(null, { status: 204 }));
    const client = createApiClient({ baseUrl: 'http://127.0.0.1:9/', getKey: () => 'k', fetch: fake.fetch });
    await client.deletePreference('a/b c', 'p?1');
    expect(fake.calls[0]?.url).toBe('http://127.0.0.1:9/v1/users/a%2Fb%20c/preferences/p%3F1');
    expect(fake.calls[0]?.method).toBe('DELETE');
  });

  it("throws the server's error code, message and field", async () => {
    const fake = fakeFetch(() =>
      json(400, { error: { code: 'invalid-input', message: 'context must not be empty', field: 'context' } }),
    );
    const client = createApiClient({ baseUrl: 'http://127.0.0.1:9/', getKey: () => 'k', fetch: fake.fetch });
    const error = await client.generate({ user: 'me', task: 'email', context: '' }).catch((caught) => caught);
    expect(ApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'invalid-input', status: 400, field: 'context' });
    expect(describeApiError(error)).toContain('context must not be empty');
  });

  it('reports an unreachable server as a network error with a clear message', async () => {
    const client = createApiClient({
      baseUrl: 'http://127.0.0.1:9/',
      getKey: () => 'k',
      fetch: (async () => {
        throw new TypeError('fetch failed');
      }) as typeof fetch,
    });
    const error = await client.learn('i1', 'edited').catch((caught) => caught);
    expect(error).toMatchObject({ code: 'network', status: 0 });
    expect(describeApiError(error)).toMatch(/Cannot reach the Tailor server/);
  });

  it('treats a 413 without a JSON body (from a proxy) as too large', async () => {
    const fake = fakeFetch(() => new Response('Payload Too Large', { status: 413 }));
    const client = createApiClient({ baseUrl: 'http://127.0.0.1:9/', getKey: () => 'k', fetch: fake.fetch });
    const error = await client
      .generate({ user: 'me', task: 'email', context: 'x' })
      .catch((caught) => caught);
    expect(error).toMatchObject({ code: 'payload-too-large', status: 413 });
  });
});
