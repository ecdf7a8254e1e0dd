export * from './atoms/index.js';
export * from './latent-preference.js';
export * from './lexical-embedder.js';
export * from './offline-world.js';
export * from './offline-writer.js';
export * from './preference-sets.js';
export * from './preference-text.js';
export * from './simulated-user.js';
export { countTokens } from './writer/token-counter.js';
