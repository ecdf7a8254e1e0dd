import type { SqlMigration } from './sql-migration.js';

/**
 * The SQLite schema, step by step (applied by `migrateSqlite`). Never edit a released step; append one.
 * `sequence` columns are AUTOINCREMENT so a deleted row's number is never reused. Embeddings are the
 * last column: SQLite stores a row's columns in order and a large BLOB spills into overflow pages, so
 * columns after it would cost reading the whole vector.
 */
export const sqliteMigrations: readonly SqlMigration[] = [
  {
    version: 1,
    name: 'memory, interactions and api keys',
    statements: [
      `CREATE TABLE memory_entries (
        sequence INTEGER PRIMARY KEY AUTOINCREMENT,
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
        pinned INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        embedding BLOB NOT NULL
      )`,
      `CREATE INDEX memory_entries_scope ON memory_entries (tenant, user_id, task, kind, sequence)`,
      `CREATE INDEX memory_entries_pinned ON memory_entries (tenant, user_id, task, pinned, sequence)`,
      `CREATE INDEX memory_entries_origin ON memory_entries (tenant, user_id, task, origin, sequence)`,
      `CREATE TABLE interactions (
        sequence INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        tenant TEXT NOT NULL,
        user_id TEXT NOT NULL,
        task_key TEXT NOT NULL,
        task TEXT NOT NULL,
        context_id TEXT,
        context_text TEXT NOT NULL,
        output TEXT NOT NULL,
        preference_used TEXT,
        neighbours TEXT NOT NULL,
        learner TEXT NOT NULL,
        created_at TEXT NOT NULL,
        edited TEXT,
        edited_at TEXT,
        cost INTEGER,
        status TEXT NOT NULL CHECK (status IN ('awaiting-edit', 'pending', 'learned')),
        preference_inferred TEXT,
        learn_attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        embedding BLOB
      )`,
      `CREATE INDEX interactions_user ON interactions (tenant, user_id, task_key, sequence)`,
      `CREATE INDEX interactions_pending ON interactions (edited_at, sequence) WHERE status = 'pending'`,
      `CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        tenant TEXT NOT NULL,
        label TEXT,
        secret_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      )`,
    ],
  },
  {
    version: 2,
    name: 'leases, retry times and the failed state for pending learning; one memory entry per interaction',
    statements: [
      // NOTE: SQLite cannot change a CHECK constraint in place: the table is rebuilt (inside the
      // step's transaction), keeping every row and its sequence number.
      `CREATE TABLE interactions_v2 (
        sequence INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        tenant TEXT NOT NULL,
        user_id TEXT NOT NULL,
        task_key TEXT NOT NULL,
        task TEXT NOT NULL,
        context_id TEXT,
        context_text TEXT NOT NULL,
        output TEXT NOT NULL,
        preference_used TEXT,
        neighbours TEXT NOT NULL,
        learner TEXT NOT NULL,
        created_at TEXT NOT NULL,
        edited TEXT,
        edited_at TEXT,
        cost INTEGER,
        status TEXT NOT NULL CHECK (status IN ('awaiting-edit', 'pending', 'learned', 'failed')),
        preference_inferred TEXT,
        learn_attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        retry_at TEXT,
        lease_owner TEXT,
        lease_until TEXT,
        embedding BLOB
      )`,
      `INSERT INTO interactions_v2 (sequence, id, tenant, user_id, task_key, task, context_id, context_text, output, preference_used, neighbours, learner, created_at, edited, edited_at, cost, status, preference_inferred, learn_attempts, last_error, embedding)
       SELECT sequence, id, tenant, user_id, task_key, task, context_id, context_text, output, preference_used, neighbours, learner, created_at, edited, edited_at, cost, status, preference_inferred, learn_attempts, last_error, embedding FROM interactions`,
      `DROP TABLE interactions`,
      `ALTER TABLE interactions_v2 RENAME TO interactions`,
      `CREATE INDEX interactions_user ON interactions (tenant, user_id, task_key, sequence)`,
      `CREATE INDEX interactions_pending ON interactions (tenant, edited_at, sequence) WHERE status = 'pending'`,
      `DELETE FROM memory_entries WHERE interaction_id IS NOT NULL AND sequence NOT IN (
        SELECT MIN(sequence) FROM memory_entries WHERE interaction_id IS NOT NULL GROUP BY tenant, interaction_id
      )`,
      `CREATE UNIQUE INDEX memory_entries_interaction ON memory_entries (tenant, interaction_id)
       WHERE interaction_id IS NOT NULL`,
    ],
  },
];
