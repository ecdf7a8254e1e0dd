export * from './atom-registry.js';
export * from './style-atom.js';
