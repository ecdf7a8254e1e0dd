/**
 * `@tailor-prefs/tailor/client`: a typed HTTP client for the Tailor service (openapi-fetch over the
 * types openapi-typescript generates from the service's OpenAPI document). Runs in Node 20 and in
 * browsers (it only needs `fetch`); the web UI of `tailor serve` uses it too.
 *
 * @example
 * import { createTailorClient } from '@tailor-prefs/tailor/client';
 * const tailor = createTailorClient({ baseUrl: 'http://127.0.0.1:8787', apiKey });
 * const { data, error } = await tailor.GET('/v1/users/{user}/preferences', { params: { path: { user: 'ada' } } });
 */
export * from '../client/index.js';
