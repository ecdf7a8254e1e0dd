import { sql } from 'kysely';
import type { ApiKey, ApiKeyStore } from '../spec/index.js';
import { hashApiKeySecret, newApiKeyId, newApiKeySecret } from './api-key-secret.js';
import { apiKeyFromRow } from './api-key-row.js';
import type { SqlDatabase } from './sql-dialect.js';
import { checkTexts } from './text-hygiene.js';

/**
 * `ApiKeyStore` in SQLite or PostgreSQL: only the SHA-256 of each secret is stored (see
 * `newApiKeySecret`).
 */
export class SqlApiKeyStore implements ApiKeyStore {
  constructor(private readonly database: SqlDatabase) {}

  async create(
    options: Parameters<ApiKeyStore['create']>[0],
  ): Promise<{ readonly key: ApiKey; readonly secret: string }> {
    checkTexts({ tenant: options.tenant, label: options.label });
    const secret = newApiKeySecret();
    const row = await this.database.queries
      .insertInto('api_keys')
      .values({
        id: newApiKeyId(),
        tenant: options.tenant,
        label: options.label ?? null,
        secret_hash: hashApiKeySecret(secret),
        created_at: this.database.dialect.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { key: apiKeyFromRow(row), secret };
  }

  async verify(secret: string): Promise<ApiKey | undefined> {
    const row = await this.database.queries
      .selectFrom('api_keys')
      .selectAll()
      .where('secret_hash', '=', hashApiKeySecret(secret))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row === undefined ? undefined : apiKeyFromRow(row);
  }

  async revoke(id: string): Promise<boolean> {
    checkTexts({ id });
    // NOTE: revoking twice keeps the first time.
    const result = await this.database.queries
      .updateTable('api_keys')
      .set({ revoked_at: sql<string>`COALESCE(revoked_at, ${this.database.dialect.now()})` })
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async list(options?: { readonly tenant?: string }): Promise<ApiKey[]> {
    checkTexts({ tenant: options?.tenant });
    let query = this.database.queries.selectFrom('api_keys').selectAll().orderBy('created_at').orderBy('id');
    if (options?.tenant !== undefined) query = query.where('tenant', '=', options.tenant);
    return (await query.execute()).map(apiKeyFromRow);
  }
}
