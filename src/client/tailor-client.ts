import createClient from 'openapi-fetch';
import type { Client, ClientOptions } from 'openapi-fetch';
import type { components, paths } from './openapi-types.js';

/** Every path of the Tailor HTTP API with its operations (generated from the OpenAPI document). */
export type TailorApiPaths = paths;
/** The API's named schemas: `TailorApiSchemas['GenerateResponse']`, `TailorApiSchemas['Preference']`, … */
export type TailorApiSchemas = components['schemas'];
/** What every failed request answers: `{ error: { code, message, field? } }`. */
export type TailorApiErrorBody = TailorApiSchemas['Error'];
/** The API's error codes (`invalid-input`, `not-found`, `unauthorized`, …). */
export type TailorApiErrorCode = TailorApiErrorBody['error']['code'];
/** The typed client: `GET`, `POST`, `PATCH`, `DELETE` on the API's paths, answering `{ data, error, response }`. */
export type TailorClient = Client<TailorApiPaths>;

/** Where the service is and how to authenticate; the rest is openapi-fetch's `ClientOptions`. */
export interface TailorClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** The service's root, e.g. `http://127.0.0.1:8787` or `…:8787/` (the paths start with `/v1/`). */
  readonly baseUrl: string;
  /**
   * An API key (`tailor keys create`) or an end user's token, sent as `Authorization: Bearer …`; a
   * function is read at every request (a key that can change while the client lives).
   */
  readonly apiKey?: string | (() => string);
}

/**
 * A typed HTTP client for the Tailor service, built on openapi-fetch from the types that
 * openapi-typescript generates from the service's OpenAPI document: paths, parameters, bodies and
 * answers are checked by the compiler. Requests resolve to `{ data }` on success and `{ error }` (the
 * API's error body, with its `code`) otherwise; only a network failure, or a success that is not JSON,
 * throws.
 *
 * @example
 * const tailor = createTailorClient({ baseUrl: 'http://127.0.0.1:8787', apiKey: process.env.TAILOR_API_KEY });
 * const { data, error } = await tailor.POST('/v1/generate', {
 *   body: { user: 'ada', task: 'summarization', context: article },
 * });
 * if (error) throw new Error(`${error.error.code}: ${error.error.message}`);
 * await tailor.POST('/v1/interactions/{id}/learn', { params: { path: { id: data.interactionId } }, body: { edited } });
 */
export function createTailorClient(options: TailorClientOptions): TailorClient {
  const { apiKey, baseUrl, ...clientOptions } = options;
  // NOTE: openapi-fetch drops one trailing slash; `http://host:8787/` and `…//` both mean the root.
  const client = createClient<TailorApiPaths>({ ...clientOptions, baseUrl: baseUrl.replace(/\/+$/, '') });
  if (apiKey !== undefined) {
    client.use({
      onRequest({ request }) {
        request.headers.set('authorization', `Bearer ${typeof apiKey === 'function' ? apiKey() : apiKey}`);
        return request;
      },
    });
  }
  return client;
}
