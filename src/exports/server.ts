import { fileURLToPath } from 'node:url';

/**
 * `@tailor-prefs/tailor/server`: the HTTP service, either started whole (`startService`) or as a Hono app
 * to mount in an existing server (`createApp`).
 *
 * @example
 * import { startService } from '@tailor-prefs/tailor/server';
 * const service = await startService({ store: 'tailor.sqlite', port: 8787, host: '127.0.0.1',
 *   model: 'sim', embedder: 'lexical', learner: 'cipher-5', staticRoot: builtWebUi });
 */
export { createApp, defaultBodyLimitBytes } from '../server/create-app.js';
export type { AppDependencies } from '../server/create-app.js';
export { startService } from '../server/start-service.js';
export type { RunningService, ServiceOptions } from '../server/start-service.js';
export { defaultFairUse } from '../server/fair-use.js';
export type { FairUseOptions } from '../server/fair-use.js';
export { defaultTenant, ensureLocalApiKey } from '../service/first-api-key.js';

/**
 * The folder of the built web UI shipped in the package (`web/dist`), for `staticRoot`; the same path
 * from the sources (`src/exports`) and from the build (`dist/exports`).
 */
export const builtWebUi: string = fileURLToPath(new URL('../../web/dist', import.meta.url));
