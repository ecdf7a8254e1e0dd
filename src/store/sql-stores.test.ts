import { describeApiKeyStoreContract } from './api-key-store.contract.js';
import { describeInteractionStoreContract } from './interaction-store.contract.js';
import { describeMemoryContract } from './memory.contract.js';
import { SqlApiKeyStore } from './sql-api-key-store.js';
import { SqlInteractionStore } from './sql-interaction-store.js';
import { SqlMemory } from './sql-memory.js';
import { describeSqlDatabases } from './sql-test-databases.js';

// NOTE: one database per dialect for the three suites (each test keeps to a tenant of its own), and a
// new store instance per test, so no vector index or other state carries over.
describeSqlDatabases('SQL stores', (databases) => {
  const name = (store: string) => `${store} (${databases.dialect})`;
  describeMemoryContract(name('SqlMemory'), async () => new SqlMemory(await databases.shared()));
  describeInteractionStoreContract(
    name('SqlInteractionStore'),
    async () => new SqlInteractionStore(await databases.shared()),
  );
  describeApiKeyStoreContract(
    name('SqlApiKeyStore'),
    async () => new SqlApiKeyStore(await databases.shared()),
  );
});
