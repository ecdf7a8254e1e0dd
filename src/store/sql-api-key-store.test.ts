import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { hashApiKeySecret } from './api-key-secret.js';
import { SqlApiKeyStore } from './sql-api-key-store.js';
import { describeSqlDatabases } from './sql-test-databases.js';

describeSqlDatabases('SqlApiKeyStore', (databases) => {
  it('stores only the SHA-256 of a secret', async () => {
    const database = await databases.shared();
    const { key, secret } = await new SqlApiKeyStore(database).create({ tenant: 'acme' });
    const { rows } = await sql`SELECT * FROM api_keys WHERE id = ${key.id}`.execute(database.queries);
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(rows).toEqual([expect.objectContaining({ secret_hash: hashApiKeySecret(secret) })]);
  });
});
