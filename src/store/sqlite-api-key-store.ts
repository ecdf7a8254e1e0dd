import type { Database } from 'better-sqlite3';
import type { ApiKey, ApiKeyStore } from '../spec/index.js';
import { hashApiKeySecret, newApiKeyId, newApiKeySecret } from './api-key-secret.js';
import type { ApiKeyRow } from './api-key-row.js';
import { apiKeyFromRow } from './api-key-row.js';
import { checkTexts } from './text-hygiene.js';

/** `ApiKeyStore` in a SQLite file: only the SHA-256 of each secret is stored (see `newApiKeySecret`). */
export class SqliteApiKeyStore implements ApiKeyStore {
  constructor(private readonly database: Database) {}

  async create(options: {
    readonly tenant: string;
    readonly label?: string;
  }): Promise<{ readonly key: ApiKey; readonly secret: string }> {
    checkTexts({ tenant: options.tenant, label: options.label });
    const secret = newApiKeySecret();
    const row = this.database
      .prepare(
        'INSERT INTO api_keys (id, tenant, label, secret_hash, created_at) VALUES (?, ?, ?, ?, ?) RETURNING *',
      )
      .get(
        newApiKeyId(),
        options.tenant,
        options.label ?? null,
        hashApiKeySecret(secret),
        new Date().toISOString(),
      ) as ApiKeyRow;
    return { key: apiKeyFromRow(row), secret };
  }

  async verify(secret: string): Promise<ApiKey | undefined> {
    const row = this.database
      .prepare('SELECT * FROM api_keys WHERE secret_hash = ? AND revoked_at IS NULL')
      .get(hashApiKeySecret(secret)) as ApiKeyRow | undefined;
    return row === undefined ? undefined : apiKeyFromRow(row);
  }

  async revoke(id: string): Promise<boolean> {
    checkTexts({ id });
    const found = this.database.prepare('SELECT revoked_at FROM api_keys WHERE id = ?').get(id);
    if (found === undefined) return false;
    this.database
      .prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(new Date().toISOString(), id);
    return true;
  }

  async list(options?: { readonly tenant?: string }): Promise<ApiKey[]> {
    checkTexts({ tenant: options?.tenant });
    const rows = (
      options?.tenant === undefined
        ? this.database.prepare('SELECT * FROM api_keys ORDER BY created_at, id').all()
        : this.database
            .prepare('SELECT * FROM api_keys WHERE tenant = ? ORDER BY created_at, id')
            .all(options.tenant)
    ) as ApiKeyRow[];
    return rows.map(apiKeyFromRow);
  }
}
