import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { InMemoryInteractionStore } from './in-memory-interaction-store.js';
import { describeInteractionStoreContract } from './interaction-store.contract.js';
import { PostgresInteractionStore } from './postgres-interaction-store.js';
import { describePostgres, openPostgresTestDatabase } from './postgres-test-database.js';
import { openSqliteDatabase } from './sqlite-database.js';
import { SqliteInteractionStore } from './sqlite-interaction-store.js';

describeInteractionStoreContract('InMemoryInteractionStore', async () => ({
  store: new InMemoryInteractionStore(),
  close: async () => {},
}));

const directory = mkdtempSync(join(tmpdir(), 'tailor-interactions-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describeInteractionStoreContract('SqliteInteractionStore', async () => {
  const database = openSqliteDatabase({ path: join(directory, 'contract.sqlite'), synchronous: 'normal' });
  return { store: new SqliteInteractionStore(database), close: async () => void database.close() };
});

describePostgres('PostgresInteractionStore', (url) => {
  const opened = openPostgresTestDatabase(url);
  afterAll(async () => (await opened).close());
  describeInteractionStoreContract('PostgresInteractionStore', async () => ({
    store: new PostgresInteractionStore((await opened).pool),
    close: async () => {},
  }));
});
