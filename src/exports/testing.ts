/**
 * `@tailor-prefs/tailor/testing`: an offline, deterministic world for your own tests — the rule-based
 * writer (no model), simulated users who edit drafts toward a known preference, and the lexical
 * embedder — plus scripted doubles of the ports and a fake OpenAI-compatible server on 127.0.0.1
 * (`startOpenAiCompatibleServer`: scripted chat completions, streamed or not, embeddings, errors, hangs
 * and cut streams, every request recorded) for testing an app's model calls without a network.
 *
 * @example
 * import { OfflineWriter, createLexicalEmbedder, startOpenAiCompatibleServer } from '@tailor-prefs/tailor/testing';
 * const writer = new OfflineWriter();
 * const embedder = createLexicalEmbedder();
 * const server = await startOpenAiCompatibleServer(); // createOpenAI({ baseURL: server.baseURL, apiKey: 'test' })
 * server.enqueueChat({ type: 'text', text: 'Hello!' });
 */
export { OfflineWriter } from '../sim/offline-writer.js';
export type { OfflineWriterOptions } from '../sim/offline-writer.js';
export { SimulatedUser, simulatedUserFor, simulatedUserFromTexts } from '../sim/simulated-user.js';
export type { SimulatedUserOptions } from '../sim/simulated-user.js';
export { createLexicalEmbedder } from '../sim/lexical-embedder.js';
export type { LexicalEmbedderOptions } from '../sim/lexical-embedder.js';
export { createOfflineWorld } from '../sim/offline-world.js';
export type { OfflineWorld } from '../sim/offline-world.js';
export * from '../sim/preference-sets.js';
export * from '../testing/index.js';
