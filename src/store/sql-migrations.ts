import type { SqlColumnTypes } from './sql-dialect.js';
import type { SqlMigration } from './sql-migrator.js';

/**
 * The schema, step by step, for both dialects (applied by `migrate`). Never change what a released step
 * does; append one. Versions and names are those the two databases recorded before the stores became
 * one implementation, so databases created then open unchanged. Rows lead with (tenant, user_id) so
 * PostgreSQL tables can be partitioned by them (README "Several servers on one PostgreSQL").
 * `sequence` never reuses a deleted row's number. Embeddings are the last column: SQLite stores a row's
 * columns in order and a large BLOB spills into overflow pages, so columns after it would cost reading
 * the whole vector; PostgreSQL keeps them out of line uncompressed (they do not compress).
 */
export const sqlMigrations: readonly SqlMigration[] = [
  {
    version: 1,
    name: 'memory, interactions and api keys',
    statements: ({ name, types }) => [
      `CREATE TABLE memory_entries (
        sequence ${types.sequence},
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
        pinned ${types.boolean} NOT NULL DEFAULT ${types.false},
        created_at ${types.time} NOT NULL,
        updated_at ${types.time} NOT NULL,
        embedding ${types.bytes} NOT NULL
      )`,
      `CREATE INDEX memory_entries_scope ON memory_entries (tenant, user_id, task, kind, sequence)`,
      `CREATE INDEX memory_entries_pinned ON memory_entries (tenant, user_id, task, pinned, sequence)`,
      `CREATE INDEX memory_entries_origin ON memory_entries (tenant, user_id, task, origin, sequence)`,
      interactionsTable('interactions', types, { failed: false, scheduling: false }),
      `CREATE INDEX interactions_user ON interactions (tenant, user_id, task_key, sequence)`,
      `CREATE INDEX interactions_pending ON interactions (edited_at, sequence) WHERE status = 'pending'`,
      `CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        tenant TEXT NOT NULL,
        label TEXT,
        secret_hash TEXT NOT NULL UNIQUE,
        created_at ${types.time} NOT NULL,
        revoked_at ${types.time}
      )`,
      ...(name === 'postgres'
        ? [
            `ALTER TABLE memory_entries ALTER COLUMN embedding SET STORAGE EXTERNAL`,
            `ALTER TABLE interactions ALTER COLUMN embedding SET STORAGE EXTERNAL`,
          ]
        : []),
    ],
  },
  {
    version: 2,
    name: 'leases, retry times and the failed state for pending learning; one memory entry per interaction',
    statements: ({ name, types }) => [
      ...(name === 'sqlite'
        ? [
            // NOTE: SQLite cannot change a CHECK constraint in place: the table is rebuilt (inside the
            // step's transaction), keeping every row and its sequence number.
            interactionsTable('interactions_v2', types, { failed: true, scheduling: true }),
            `INSERT INTO interactions_v2 (${interactionsV1Columns}) SELECT ${interactionsV1Columns} FROM interactions`,
            `DROP TABLE interactions`,
            `ALTER TABLE interactions_v2 RENAME TO interactions`,
            `CREATE INDEX interactions_user ON interactions (tenant, user_id, task_key, sequence)`,
          ]
        : [
            `ALTER TABLE interactions DROP CONSTRAINT interactions_status_check`,
            `ALTER TABLE interactions ADD CONSTRAINT interactions_status_check CHECK (${statusCheck(true)})`,
            `ALTER TABLE interactions ADD COLUMN retry_at ${types.time}`,
            `ALTER TABLE interactions ADD COLUMN lease_owner TEXT`,
            `ALTER TABLE interactions ADD COLUMN lease_until ${types.time}`,
            `DROP INDEX interactions_pending`,
          ]),
      `CREATE INDEX interactions_pending ON interactions (tenant, edited_at, sequence) WHERE status = 'pending'`,
      `DELETE FROM memory_entries WHERE interaction_id IS NOT NULL AND sequence NOT IN (
        SELECT MIN(sequence) FROM memory_entries WHERE interaction_id IS NOT NULL GROUP BY tenant, interaction_id
      )`,
      `CREATE UNIQUE INDEX memory_entries_interaction ON memory_entries (tenant, interaction_id)
       WHERE interaction_id IS NOT NULL`,
    ],
  },
];

/** The columns `interactions` had in version 1 (copied as they are when SQLite rebuilds the table). */
const interactionsV1Columns =
  'sequence, id, tenant, user_id, task_key, task, context_id, context_text, output, preference_used, neighbours, learner, created_at, edited, edited_at, cost, status, preference_inferred, learn_attempts, last_error, embedding';

function statusCheck(failed: boolean): string {
  return `status IN ('awaiting-edit', 'pending', 'learned'${failed ? ", 'failed'" : ''})`;
}

/** `interactions` as version 1 created it, or (SQLite's rebuild in version 2) as version 2 has it. */
function interactionsTable(
  table: string,
  types: SqlColumnTypes,
  options: { readonly failed: boolean; readonly scheduling: boolean },
): string {
  const scheduling = options.scheduling
    ? `retry_at ${types.time},
        lease_owner TEXT,
        lease_until ${types.time},
        `
    : '';
  return `CREATE TABLE ${table} (
        sequence ${types.sequence},
        id TEXT NOT NULL UNIQUE,
        tenant TEXT NOT NULL,
        user_id TEXT NOT NULL,
        task_key TEXT NOT NULL,
        task ${types.json} NOT NULL,
        context_id TEXT,
        context_text TEXT NOT NULL,
        output TEXT NOT NULL,
        preference_used TEXT,
        neighbours ${types.json} NOT NULL,
        learner TEXT NOT NULL,
        created_at ${types.time} NOT NULL,
        edited TEXT,
        edited_at ${types.time},
        cost INTEGER,
        status TEXT NOT NULL CHECK (${statusCheck(options.failed)}),
        preference_inferred TEXT,
        learn_attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        ${scheduling}embedding ${types.bytes}
      )`;
}
