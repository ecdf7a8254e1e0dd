import { ApiError, type ApiErrorCode } from './api-error.js';
import type {
  ApiTask,
  Draft,
  Health,
  InteractionSummary,
  LearnedPreference,
  LearnResult,
  PreferenceComponent,
  Sample,
} from './types.js';

const knownCodes: readonly ApiErrorCode[] = [
  'invalid-input',
  'not-found',
  'conflict',
  'unauthorized',
  'payload-too-large',
  'unprocessable',
  'model-call-failed',
  'internal',
];

/** What the client needs: where the API is, and how to read the current key at call time. */
export interface ApiClientOptions {
  /** Base URL the `v1/...` paths are resolved against (the page's own URL by default). */
  readonly baseUrl: string;
  readonly getKey: () => string;
  readonly fetch?: typeof fetch;
}

/**
 * Typed calls to the Tailor HTTP API. Every failure is thrown as an `ApiError` (the server's error
 * body, or `network` when the server could not be reached).
 */
export function createApiClient(options: ApiClientOptions) {
  const fetchFunction = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = new URL(path, options.baseUrl);
    const headers: Record<string, string> = { authorization: `Bearer ${options.getKey()}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetchFunction(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new ApiError({
        code: 'network',
        status: 0,
        message: 'The server could not be reached.',
        cause: error,
      });
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch (error) {
      throw new ApiError({
        code: response.status === 413 ? 'payload-too-large' : 'bad-response',
        status: response.status,
        message: `HTTP ${response.status}: ${text.slice(0, 200) || response.statusText}`,
        cause: error,
      });
    }
    if (!response.ok) throw errorFromBody(response.status, parsed);
    return parsed as T;
  }

  const user = (id: string) => `v1/users/${encodeURIComponent(id)}`;
  const taskQuery = (task: string | undefined) => (task ? `?task=${encodeURIComponent(task)}` : '');

  return {
    /** `GET /healthz` (no key needed): the learner, and the writer when the server says which. */
    health: () => call<Health>('GET', 'healthz'),
    samples: (task: 'summarization' | 'email') =>
      call<{ samples: Sample[] }>('GET', `v1/samples?task=${task}`).then((result) => result.samples),
    generate: (request: { user: string; task: ApiTask; context: string; contextId?: string }) =>
      call<Draft>('POST', 'v1/generate', request),
    learn: (interactionId: string, edited: string) =>
      call<LearnResult>('POST', `v1/interactions/${encodeURIComponent(interactionId)}/learn`, { edited }),
    interaction: (interactionId: string) =>
      call<InteractionSummary>('GET', `v1/interactions/${encodeURIComponent(interactionId)}`),
    interactions: (userId: string, task?: string) =>
      call<{ interactions: InteractionSummary[] }>(
        'GET',
        `${user(userId)}/interactions${taskQuery(task)}`,
      ).then((result) => result.interactions),
    preferences: (userId: string, task?: string) =>
      call<{ preferences: LearnedPreference[] }>('GET', `${user(userId)}/preferences${taskQuery(task)}`).then(
        (result) => result.preferences,
      ),
    components: (userId: string, task: string) =>
      call<{ components: PreferenceComponent[] }>('GET', `${user(userId)}/components${taskQuery(task)}`).then(
        (result) => result.components,
      ),
    addPreference: (userId: string, request: { task: ApiTask | string; preference: string }) =>
      call<LearnedPreference>('POST', `${user(userId)}/preferences`, request),
    updatePreference: (userId: string, id: string, change: { preference?: string; pinned?: boolean }) =>
      call<LearnedPreference>('PATCH', `${user(userId)}/preferences/${encodeURIComponent(id)}`, change),
    deletePreference: (userId: string, id: string) =>
      call<void>('DELETE', `${user(userId)}/preferences/${encodeURIComponent(id)}`),
  };
}

/** The client returned by `createApiClient`. */
export type ApiClient = ReturnType<typeof createApiClient>;

function errorFromBody(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; field?: unknown } } | undefined)
    ?.error;
  const code =
    knownCodes.find((known) => known === error?.code) ?? (status === 413 ? 'payload-too-large' : 'internal');
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
  return new ApiError({
    code,
    status,
    message,
    ...(typeof error?.field === 'string' ? { field: error.field } : {}),
  });
}
