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
  {
    version: 3,
    name: 'a version per user, task and kind of memory, kept by triggers',
    statements: ({ name }) => [
      `CREATE TABLE memory_versions (
        tenant TEXT NOT NULL,
        user_id TEXT NOT NULL,
        task TEXT NOT NULL,
        kind TEXT NOT NULL,
        version BIGINT NOT NULL,
        row_count BIGINT NOT NULL,
        deletions BIGINT NOT NULL,
        PRIMARY KEY (tenant, user_id, task, kind)
      )`,
      `INSERT INTO memory_versions (tenant, user_id, task, kind, version, row_count, deletions)
       SELECT tenant, user_id, task, kind, ${randomStart(name)}, COUNT(*), 0 FROM memory_entries
       GROUP BY tenant, user_id, task, kind`,
      ...(name === 'sqlite' ? sqliteVersionTriggers : postgresVersionTriggers),
    ],
  },
  {
    version: 4,
    name: 'vector blocks: each large user, task and kind of memory quantised in a few blobs, dropped by deletes',
    statements: ({ name, types }) => [
      `CREATE TABLE memory_vector_blocks (
        tenant TEXT NOT NULL,
        user_id TEXT NOT NULL,
        task TEXT NOT NULL,
        kind TEXT NOT NULL,
        last_sequence BIGINT NOT NULL,
        after_sequence BIGINT NOT NULL,
        row_count INTEGER NOT NULL,
        data ${types.bytes} NOT NULL,
        PRIMARY KEY (tenant, user_id, task, kind, last_sequence)
      )`,
      ...(name === 'sqlite'
        ? [
            `CREATE TRIGGER memory_entries_deleted_blocks AFTER DELETE ON memory_entries BEGIN
              DELETE FROM memory_vector_blocks
              WHERE tenant = OLD.tenant AND user_id = OLD.user_id AND task = OLD.task AND kind = OLD.kind
                AND last_sequence >= OLD.sequence AND after_sequence < OLD.sequence;
            END`,
          ]
        : [
            `ALTER TABLE memory_vector_blocks ALTER COLUMN data SET STORAGE EXTERNAL`,
            // NOTE: named to fire after memory_entries_deleted (PostgreSQL fires a table's triggers in
            // name order): that one's update of memory_versions waits for a block writer holding the
            // row (sql-vector-blocks.ts), so this delete then sees the blocks it wrote.
            `CREATE FUNCTION memory_entries_deleted_blocks() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              DELETE FROM memory_vector_blocks AS b USING removed AS r
              WHERE b.tenant = r.tenant AND b.user_id = r.user_id AND b.task = r.task AND b.kind = r.kind
                AND b.last_sequence >= r.sequence AND b.after_sequence < r.sequence;
              RETURN NULL;
            END $$`,
            `CREATE TRIGGER memory_entries_deleted_blocks AFTER DELETE ON memory_entries
             REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION memory_entries_deleted_blocks()`,
          ]),
    ],
  },
];

/**
 * A new `memory_versions` row's first version: random below 2^48, so a row made again after its user was
 * forgotten does not repeat the version an index cached elsewhere was checked at.
 */
function randomStart(name: 'sqlite' | 'postgres'): string {
  return name === 'sqlite' ? 'abs(random() % 281474976710656)' : 'floor(random() * 281474976710656)::bigint';
}

/**
 * SQLite keeps `memory_versions` row by row: an insert adds one to `version` and `row_count`; a delete
 * adds one to `version` and `deletions` and takes one from `row_count`, and removes the row at 0.
 */
const sqliteVersionTriggers = [
  `CREATE TRIGGER memory_entries_inserted AFTER INSERT ON memory_entries BEGIN
    INSERT INTO memory_versions (tenant, user_id, task, kind, version, row_count, deletions)
    VALUES (NEW.tenant, NEW.user_id, NEW.task, NEW.kind, ${randomStart('sqlite')}, 1, 0)
    ON CONFLICT (tenant, user_id, task, kind) DO UPDATE SET version = version + 1, row_count = row_count + 1;
  END`,
  `CREATE TRIGGER memory_entries_deleted AFTER DELETE ON memory_entries BEGIN
    UPDATE memory_versions SET version = version + 1, row_count = row_count - 1, deletions = deletions + 1
    WHERE tenant = OLD.tenant AND user_id = OLD.user_id AND task = OLD.task AND kind = OLD.kind;
    DELETE FROM memory_versions
    WHERE tenant = OLD.tenant AND user_id = OLD.user_id AND task = OLD.task AND kind = OLD.kind AND row_count <= 0;
  END`,
];

/** PostgreSQL keeps `memory_versions` once per statement (a bulk insert or a forget is one update a scope). */
const postgresVersionTriggers = [
  `CREATE FUNCTION memory_entries_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    INSERT INTO memory_versions AS v (tenant, user_id, task, kind, version, row_count, deletions)
    SELECT tenant, user_id, task, kind, ${randomStart('postgres')}, COUNT(*), 0 FROM added
    GROUP BY tenant, user_id, task, kind
    ON CONFLICT (tenant, user_id, task, kind)
    DO UPDATE SET version = v.version + 1, row_count = v.row_count + excluded.row_count;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER memory_entries_inserted AFTER INSERT ON memory_entries
   REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION memory_entries_inserted()`,
  `CREATE FUNCTION memory_entries_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    UPDATE memory_versions AS v
    SET version = v.version + 1, row_count = v.row_count - r.removed, deletions = v.deletions + r.removed
    FROM (SELECT tenant, user_id, task, kind, COUNT(*) AS removed FROM removed
          GROUP BY tenant, user_id, task, kind) AS r
    WHERE v.tenant = r.tenant AND v.user_id = r.user_id AND v.task = r.task AND v.kind = r.kind;
    DELETE FROM memory_versions AS v USING (SELECT DISTINCT tenant, user_id, task, kind FROM removed) AS r
    WHERE v.tenant = r.tenant AND v.user_id = r.user_id AND v.task = r.task AND v.kind = r.kind
      AND v.row_count <= 0;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER memory_entries_deleted AFTER DELETE ON memory_entries
   REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION memory_entries_deleted()`,
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
