export * from './tailor-client.js';
export type { components, operations, paths } from './openapi-types.js';
