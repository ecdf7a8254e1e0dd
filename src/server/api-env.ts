import type { Task } from '../spec/index.js';
import { InvalidInputError } from '../spec/index.js';
import { ErrorBody } from './api-schemas.js';

/** What the auth middleware puts on every authenticated request. */
export interface ApiEnv {
  Variables: {
    /** The tenant of the request's API key: every read and write stays inside it. */
    tenant: string;
    apiKeyId: string;
    /** With a user token: the only end user the request may touch; null with an API key. */
    tokenUser: string | null;
  };
}

/** OpenAPI response entries for error statuses (same body for all; 429 with 401). */
export function errorResponses(...statuses: readonly number[]) {
  const descriptions: Record<number, string> = {
    400: 'Invalid input (the message and `field` name it)',
    401: 'Missing, unknown or revoked API key (or an expired user token)',
    403: "A user token used outside its user's own routes",
    404: 'Not found in this tenant',
    409: 'Conflicts with stored state (e.g. learned already)',
    413: 'Body over 100 KB',
    422: 'The embedder cannot process this context',
    429: "Over the key's rate limit or the tenant's concurrency cap (see Retry-After and RateLimit)",
    502: 'The model call failed',
    503: 'The model is unavailable; try again later',
  };
  // NOTE: every authenticated route can be rate limited.
  const listed = statuses.includes(401) && !statuses.includes(429) ? [...statuses, 429] : statuses;
  return Object.fromEntries(
    listed.map((status) => [
      status,
      {
        description: descriptions[status] ?? 'Error',
        content: { 'application/json': { schema: ErrorBody } },
      },
    ]),
  );
}

/** The spec's task for the API's task value. */
export function toTask(task: 'summarization' | 'email' | { name: string; instruction: string }): Task {
  if (typeof task === 'string') return { kind: task };
  return { kind: 'custom', name: task.name, instruction: task.instruction };
}

/**
 * A task key from the API: `summarization`, `email`, `custom:<name>`, a bare custom name or a custom
 * task object.
 */
export function toTaskKey(task: string | { name: string }): string {
  if (typeof task !== 'string') return `custom:${task.name}`;
  if (task === 'summarization' || task === 'email' || task.startsWith('custom:')) {
    if (task === 'custom:')
      throw new InvalidInputError({ field: 'task', value: task, accepted: 'custom:<name>' });
    return task;
  }
  return `custom:${task}`;
}
