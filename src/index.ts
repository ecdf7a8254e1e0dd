/**
 * The package's main entry (`import { createTailor } from '@tailor-prefs/tailor'`): the service's use
 * cases, the learners, the ports and their errors, the stores and the model factories.
 *
 * @example
 * import { createTailor, createLearner, InMemoryMemory, InMemoryInteractionStore } from '@tailor-prefs/tailor';
 * import { OfflineWriter, createLexicalEmbedder } from '@tailor-prefs/tailor/testing';
 * const writer = new OfflineWriter();
 * const embedder = createLexicalEmbedder();
 * const memory = new InMemoryMemory();
 * const learner = createLearner('cipher-5', { writer, embedder, memory });
 * const tailor = createTailor({ writer, embedder, memory, interactions: new InMemoryInteractionStore(), learner });
 */
export { chatTask, createTailor } from './service/tailor.js';
export type { GenerateResult, LearnOutcome, NeighbourView, Tailor, TailorOptions } from './service/tailor.js';
export type { ExportedPair } from './service/export-pairs.js';
export type { FollowUpOutcome } from './service/learn-follow-up.js';
export type { RecoveryPolicy, RecoveryReport } from './service/pending-recoverer.js';

// Ports, their value types and the errors every layer throws.
export * from './spec/index.js';

// Learners, the round loop and the paper's metrics.
export * from './core/index.js';

// Where learners remember: in process, SQLite or PostgreSQL.
export { InMemoryMemory } from './store/in-memory-memory.js';
export { InMemoryInteractionStore } from './store/in-memory-interaction-store.js';
export { InMemoryApiKeyStore } from './store/in-memory-api-key-store.js';
export { isPostgresUrl, openStores } from './store/open-stores.js';
export type { Stores } from './store/open-stores.js';

// Writers, reviewers and embedders over the AI SDK (OpenAI, Anthropic, Ollama, OpenAI-compatible).
export * from './providers/index.js';
