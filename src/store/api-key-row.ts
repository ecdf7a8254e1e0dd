import type { ApiKey } from '../spec/index.js';
import { isoTime } from './memory-row.js';

/** An `api_keys` row as SQLite or PostgreSQL returns it. */
export interface ApiKeyRow {
  readonly id: string;
  readonly tenant: string;
  readonly label: string | null;
  readonly created_at: string | Date;
  readonly revoked_at: string | Date | null;
}

/** The port's key (never the hash) from a stored row. */
export function apiKeyFromRow(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    tenant: row.tenant,
    label: row.label,
    createdAt: isoTime(row.created_at),
    revokedAt: row.revoked_at === null ? null : isoTime(row.revoked_at),
  };
}
