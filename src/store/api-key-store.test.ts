import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeApiKeyStoreContract } from './api-key-store.contract.js';
import { hashApiKeySecret } from './api-key-secret.js';
import { InMemoryApiKeyStore } from './in-memory-api-key-store.js';
import { SqlApiKeyStore } from './sql-api-key-store.js';
import { describeSqlDatabases } from './sql-test-databases.js';

describeApiKeyStoreContract('InMemoryApiKeyStore', async () => ({
  store: new InMemoryApiKeyStore(),
  close: async () => {},
}));

describeSqlDatabases('SqlApiKeyStore', (databases) => {
  describeApiKeyStoreContract(`SqlApiKeyStore (${databases.dialect})`, async () => ({
    store: new SqlApiKeyStore(await databases.shared()),
    close: async () => {},
  }));

  it('stores only the SHA-256 of a secret', async () => {
    const database = await databases.shared();
    const { key, secret } = await new SqlApiKeyStore(database).create({ tenant: 'acme' });
    const { rows } = await sql`SELECT * FROM api_keys WHERE id = ${key.id}`.execute(database.queries);
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(rows).toEqual([expect.objectContaining({ secret_hash: hashApiKeySecret(secret) })]);
  });
});
