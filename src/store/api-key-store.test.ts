import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeApiKeyStoreContract } from './api-key-store.contract.js';
import { hashApiKeySecret } from './api-key-secret.js';
import { InMemoryApiKeyStore } from './in-memory-api-key-store.js';
import { PostgresApiKeyStore } from './postgres-api-key-store.js';
import { describePostgres, openPostgresTestDatabase } from './postgres-test-database.js';
import { SqliteApiKeyStore } from './sqlite-api-key-store.js';
import { openSqliteDatabase } from './sqlite-database.js';

describeApiKeyStoreContract('InMemoryApiKeyStore', async () => ({
  store: new InMemoryApiKeyStore(),
  close: async () => {},
}));

const directory = mkdtempSync(join(tmpdir(), 'tailor-api-keys-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describeApiKeyStoreContract('SqliteApiKeyStore', async () => {
  const database = openSqliteDatabase({ path: join(directory, 'contract.sqlite'), synchronous: 'normal' });
  return { store: new SqliteApiKeyStore(database), close: async () => void database.close() };
});

it('stores only the SHA-256 of a secret in SQLite', async () => {
  const database = openSqliteDatabase({ path: join(directory, 'hash.sqlite') });
  const { secret } = await new SqliteApiKeyStore(database).create({ tenant: 'acme' });
  const rows = database.prepare('SELECT * FROM api_keys').all();
  expect(JSON.stringify(rows)).not.toContain(secret);
  expect(rows).toEqual([expect.objectContaining({ secret_hash: hashApiKeySecret(secret) })]);
  database.close();
});

describePostgres('PostgresApiKeyStore', (url) => {
  const opened = openPostgresTestDatabase(url);
  afterAll(async () => (await opened).close());
  describeApiKeyStoreContract('PostgresApiKeyStore', async () => ({
    store: new PostgresApiKeyStore((await opened).pool),
    close: async () => {},
  }));
});
