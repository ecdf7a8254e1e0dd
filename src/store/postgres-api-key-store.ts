import type { Pool } from 'pg';
import type { ApiKey, ApiKeyStore } from '../spec/index.js';
import { hashApiKeySecret, newApiKeyId, newApiKeySecret } from './api-key-secret.js';
import type { ApiKeyRow } from './api-key-row.js';
import { apiKeyFromRow } from './api-key-row.js';
import { checkTexts } from './text-hygiene.js';

/** `ApiKeyStore` in PostgreSQL: only the SHA-256 of each secret is stored (see `newApiKeySecret`). */
export class PostgresApiKeyStore implements ApiKeyStore {
  constructor(private readonly pool: Pool) {}

  async create(options: {
    readonly tenant: string;
    readonly label?: string;
  }): Promise<{ readonly key: ApiKey; readonly secret: string }> {
    checkTexts({ tenant: options.tenant, label: options.label });
    const secret = newApiKeySecret();
    const result = await this.pool.query<ApiKeyRow>(
      'INSERT INTO api_keys (id, tenant, label, secret_hash, created_at) VALUES ($1, $2, $3, $4, now()) RETURNING *',
      [newApiKeyId(), options.tenant, options.label ?? null, hashApiKeySecret(secret)],
    );
    return { key: apiKeyFromRow(result.rows[0]!), secret };
  }

  async verify(secret: string): Promise<ApiKey | undefined> {
    const result = await this.pool.query<ApiKeyRow>(
      'SELECT * FROM api_keys WHERE secret_hash = $1 AND revoked_at IS NULL',
      [hashApiKeySecret(secret)],
    );
    const row = result.rows[0];
    return row === undefined ? undefined : apiKeyFromRow(row);
  }

  async revoke(id: string): Promise<boolean> {
    checkTexts({ id });
    const result = await this.pool.query(
      'UPDATE api_keys SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1',
      [id],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async list(options?: { readonly tenant?: string }): Promise<ApiKey[]> {
    checkTexts({ tenant: options?.tenant });
    const result =
      options?.tenant === undefined
        ? await this.pool.query<ApiKeyRow>('SELECT * FROM api_keys ORDER BY created_at, id')
        : await this.pool.query<ApiKeyRow>(
            'SELECT * FROM api_keys WHERE tenant = $1 ORDER BY created_at, id',
            [options.tenant],
          );
    return result.rows.map(apiKeyFromRow);
  }
}
