import { createTailorClient } from '../../../src/client/index.js';
import { ApiError, errorFromBody } from './api-error.js';
import type { AddPreferenceRequest, GenerateRequest, SampleTask, UpdatePreferenceRequest } from './types.js';

/** Pages read at most per list (200 interactions or 500 preferences a page). */
const maxPages = 50;

/** What the client needs: where the API is, and how to read the current key at call time. */
export interface ApiClientOptions {
  /** A URL in the folder the `v1/...` paths are under (the page's own URL by default). */
  readonly baseUrl: string;
  readonly getKey: () => string;
  readonly fetch?: typeof fetch;
}

/** What an openapi-fetch call answers (`data` on success, the API's error body otherwise). */
interface Answer<Data> {
  readonly data?: Data;
  readonly error?: unknown;
  readonly response: Response;
}

/**
 * The page's calls to the Tailor HTTP API, made with the package's typed client
 * (`@tailor-prefs/tailor/client`), so paths, bodies and answers are checked against the OpenAPI
 * document. Every failure is thrown as an `ApiError` (the server's error body, `network` when the
 * server could not be reached, `bad-response` when it answered something that is not the API's JSON).
 */
export function createApiClient(options: ApiClientOptions) {
  const fetchFunction = options.fetch ?? globalThis.fetch.bind(globalThis);
  const api = createTailorClient({
    // NOTE: the page may be served under a prefix and its URL carry `#token=…`: the API is beside it.
    baseUrl: new URL('.', options.baseUrl).href,
    apiKey: options.getKey,
    fetch: async (request) => {
      try {
        return await fetchFunction(request);
      } catch (error) {
        throw new ApiError({
          code: 'network',
          status: 0,
          message: 'The server could not be reached.',
          cause: error,
        });
      }
    },
  });

  async function call<Data>(send: () => Promise<Answer<Data>>): Promise<Data> {
    let answer: Answer<Data>;
    try {
      answer = await send();
    } catch (error) {
      if (ApiError.isInstance(error)) throw error;
      throw new ApiError({
        code: 'bad-response',
        status: 200,
        message: 'The server answered something that is not the API’s JSON.',
        cause: error,
      });
    }
    if (!answer.response.ok) throw errorFromBody(answer.response, answer.error);
    return answer.data as Data;
  }

  const user = (id: string) => ({ path: { user: id } });

  /**
   * Every item of a list route, page after page (`nextCursor`), up to `maxPages` pages: the UI shows a
   * user's whole history, not its first page.
   */
  async function allPages<Item>(
    page: (cursor: string | undefined) => Promise<{ readonly items: Item[]; readonly next: string | null }>,
  ): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | undefined;
    for (let read = 0; read < maxPages; read += 1) {
      const { items: more, next } = await page(cursor);
      items.push(...more);
      if (next === null || next === cursor) break;
      cursor = next;
    }
    return items;
  }

  return {
    /** `GET /healthz` (no key needed): the learner, and the writer when the server says which. */
    health: () => call(() => api.GET('/healthz')),
    samples: (task: SampleTask) =>
      call(() => api.GET('/v1/samples', { params: { query: { task } } })).then((result) => result.samples),
    generate: (body: GenerateRequest) => call(() => api.POST('/v1/generate', { body })),
    learn: (interactionId: string, edited: string) =>
      call(() =>
        api.POST('/v1/interactions/{id}/learn', {
          params: { path: { id: interactionId } },
          body: { edited },
        }),
      ),
    interaction: (interactionId: string) =>
      call(() => api.GET('/v1/interactions/{id}', { params: { path: { id: interactionId } } })),
    interactions: (userId: string, task?: string) =>
      allPages((cursor) =>
        call(() =>
          api.GET('/v1/users/{user}/interactions', {
            params: { ...user(userId), query: { task, cursor } },
          }),
        ).then((result) => ({ items: result.interactions, next: result.nextCursor })),
      ),
    preferences: (userId: string, task?: string) =>
      allPages((cursor) =>
        call(() =>
          api.GET('/v1/users/{user}/preferences', {
            params: { ...user(userId), query: { task, cursor } },
          }),
        ).then((result) => ({ items: result.preferences, next: result.nextCursor })),
      ),
    components: (userId: string, task: string) =>
      call(() =>
        api.GET('/v1/users/{user}/components', { params: { ...user(userId), query: { task } } }),
      ).then((result) => result.components),
    addPreference: (userId: string, body: AddPreferenceRequest) =>
      call(() => api.POST('/v1/users/{user}/preferences', { params: user(userId), body })),
    updatePreference: (userId: string, id: string, change: UpdatePreferenceRequest) =>
      call(() =>
        api.PATCH('/v1/users/{user}/preferences/{id}', {
          params: { path: { user: userId, id } },
          body: change,
        }),
      ),
    deletePreference: (userId: string, id: string) =>
      call(() =>
        api.DELETE('/v1/users/{user}/preferences/{id}', { params: { path: { user: userId, id } } }),
      ).then(() => undefined),
  };
}

/** The client returned by `createApiClient`. */
export type ApiClient = ReturnType<typeof createApiClient>;
