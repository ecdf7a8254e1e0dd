export * from './fixed-vector-embedder.js';
export * from './scripted-reviewer.js';
export * from './scripted-writer.js';
export * from './test-contexts.js';
export * from './play-round.js';
