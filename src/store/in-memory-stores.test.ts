import { describeApiKeyStoreContract } from './api-key-store.contract.js';
import { InMemoryApiKeyStore } from './in-memory-api-key-store.js';
import { InMemoryInteractionStore } from './in-memory-interaction-store.js';
import { InMemoryMemory } from './in-memory-memory.js';
import { describeInteractionStoreContract } from './interaction-store.contract.js';
import { describeMemoryContract } from './memory.contract.js';

describeMemoryContract('InMemoryMemory', () => new InMemoryMemory());
describeInteractionStoreContract('InMemoryInteractionStore', () => new InMemoryInteractionStore());
describeApiKeyStoreContract('InMemoryApiKeyStore', () => new InMemoryApiKeyStore());
