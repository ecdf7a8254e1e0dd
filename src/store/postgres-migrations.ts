import type { SqlMigration } from './sql-migration.js';

/**
 * The PostgreSQL schema, step by step (applied by `migratePostgres` inside the configured schema).
 * Never edit a released step; append one. Rows lead with (tenant, user_id) so tables can be
 * partitioned by them when one server is not enough (README "Several servers on one PostgreSQL").
 */
export const postgresMigrations: readonly SqlMigration[] = [
  {
    version: 1,
    name: 'memory, interactions and api keys',
    statements: [
      `CREATE TABLE memory_entries (
        sequence BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        tenant TEXT NOT NULL,
        user_id TEXT NOT NULL,
        task TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('preference', 'pair')),
        dimension INTEGER NOT NULL,
        context_id TEXT,
        context_text TEXT,
        preference TEXT,
        pair_original TEXT,
        pair_edited TEXT,
        origin TEXT NOT NULL,
        interaction_id TEXT,
        pinned BOOLEAN NOT NULL DEFAULT FALSE,
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL,
        embedding BYTEA NOT NULL
      )`,
      `CREATE INDEX memory_entries_scope ON memory_entries (tenant, user_id, task, kind, sequence)`,
      // NOTE: embeddings do not compress; storing them out of line uncompressed saves the attempt.
      `ALTER TABLE memory_entries ALTER COLUMN embedding SET STORAGE EXTERNAL`,
      `CREATE INDEX memory_entries_pinned ON memory_entries (tenant, user_id, task, pinned, sequence)`,
      `CREATE INDEX memory_entries_origin ON memory_entries (tenant, user_id, task, origin, sequence)`,
      `CREATE TABLE interactions (
        sequence BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        tenant TEXT NOT NULL,
        user_id TEXT NOT NULL,
        task_key TEXT NOT NULL,
        task JSONB NOT NULL,
        context_id TEXT,
        context_text TEXT NOT NULL,
        output TEXT NOT NULL,
        preference_used TEXT,
        neighbours JSONB NOT NULL,
        learner TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        edited TEXT,
        edited_at TIMESTAMPTZ,
        cost INTEGER,
        status TEXT NOT NULL CHECK (status IN ('awaiting-edit', 'pending', 'learned')),
        preference_inferred TEXT,
        learn_attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        embedding BYTEA
      )`,
      `ALTER TABLE interactions ALTER COLUMN embedding SET STORAGE EXTERNAL`,
      `CREATE INDEX interactions_user ON interactions (tenant, user_id, task_key, sequence)`,
      `CREATE INDEX interactions_pending ON interactions (edited_at, sequence) WHERE status = 'pending'`,
      `CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        tenant TEXT NOT NULL,
        label TEXT,
        secret_hash TEXT NOT NULL UNIQUE,
        created_at TIMESTAMPTZ NOT NULL,
        revoked_at TIMESTAMPTZ
      )`,
    ],
  },
  {
    version: 2,
    name: 'leases, retry times and the failed state for pending learning; one memory entry per interaction',
    statements: [
      `ALTER TABLE interactions DROP CONSTRAINT interactions_status_check`,
      `ALTER TABLE interactions ADD CONSTRAINT interactions_status_check
       CHECK (status IN ('awaiting-edit', 'pending', 'learned', 'failed'))`,
      `ALTER TABLE interactions ADD COLUMN retry_at TIMESTAMPTZ`,
      `ALTER TABLE interactions ADD COLUMN lease_owner TEXT`,
      `ALTER TABLE interactions ADD COLUMN lease_until TIMESTAMPTZ`,
      `DROP INDEX interactions_pending`,
      `CREATE INDEX interactions_pending ON interactions (tenant, edited_at, sequence) WHERE status = 'pending'`,
      `DELETE FROM memory_entries WHERE interaction_id IS NOT NULL AND sequence NOT IN (
        SELECT MIN(sequence) FROM memory_entries WHERE interaction_id IS NOT NULL GROUP BY tenant, interaction_id
      )`,
      `CREATE UNIQUE INDEX memory_entries_interaction ON memory_entries (tenant, interaction_id)
       WHERE interaction_id IS NOT NULL`,
    ],
  },
];
