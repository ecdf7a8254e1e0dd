import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database, Statement } from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { SqlDatabase, SqlDialect } from './sql-dialect.js';
import { migrated } from './sql-migrator.js';
import type { SqlQueries, SqlSchema } from './sql-schema.js';

/** Where `tailor serve` keeps its data when no store is given. */
export const defaultSqlitePath = '.tailor/tailor.sqlite';

/** A SQLite database for the SQL stores, with its `better-sqlite3` handle (for tests and tools). */
export interface SqliteDatabase extends SqlDatabase {
  readonly native: Database;
}

/**
 * Opens (creating when missing) one SQLite file for every store, in WAL mode, migrated to the latest
 * schema. `synchronous` is FULL by default: a commit is on disk before the call returns, so an
 * acknowledged edit survives a crash or a power cut; `normal` survives a process crash only but
 * writes faster. Write transactions asked for `durable: false` (what can be learned again from a
 * stored edit) commit with NORMAL either way.
 *
 * @example
 * const database = await openSqliteDatabase({ path: '.tailor/tailor.sqlite' });
 * const memory = new SqlMemory(database);
 */
export async function openSqliteDatabase(options: {
  readonly path: string;
  readonly synchronous?: 'full' | 'normal';
}): Promise<SqliteDatabase> {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const native = new BetterSqlite3(options.path, { timeout: 5_000 });
  native.pragma('journal_mode = WAL');
  native.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  native.pragma('busy_timeout = 5000');
  const queries = new Kysely<SqlSchema>({
    dialect: new SqliteDialect({ database: { close: () => native.close(), prepare: preparedOnce(native) } }),
  });
  return migrated({
    queries,
    dialect: sqliteDialect(native, queries, options.synchronous ?? 'full'),
    native,
    close: async () => {
      await queries.destroy();
      if (native.open) native.close();
    },
  });
}

/**
 * `prepare` that compiles each SQL text once and hands out the same statement after (Kysely prepares
 * before every query; compiling is most of a small query's time). Kysely runs one query at a time on
 * the connection and never leaves a statement iterating (its streams are not used), so sharing is safe.
 */
function preparedOnce(native: Database): (sql: string) => Statement {
  const statements = new Map<string, Statement>();
  return (sql) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      // NOTE: the texts come from the stores' few query shapes (IN lists vary with k): a bound keeps a
      // stray shape from growing the map without end.
      if (statements.size >= 500) statements.clear();
      statement = native.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
}

function sqliteDialect(native: Database, queries: SqlQueries, synchronous: 'full' | 'normal'): SqlDialect {
  const dataVersion = native.prepare('PRAGMA data_version').pluck();
  // NOTE: SQLite applies `PRAGMA synchronous = X` while compiling the statement, not when it runs,
  // so a prepared copy kept for reuse would set the level once, at prepare time (preparing the FULL
  // one after opening NORMAL made every commit wait for the disk): each change is a fresh statement.
  const setSynchronous = (level: 'NORMAL' | 'FULL') => native.pragma(`synchronous = ${level}`);
  const totalChanges = native.prepare('SELECT total_changes()').pluck();
  let savepoints = 0;
  return {
    name: 'sqlite',
    types: {
      sequence: 'INTEGER PRIMARY KEY AUTOINCREMENT',
      time: 'TEXT',
      bytes: 'BLOB',
      json: 'TEXT',
      boolean: 'INTEGER',
      false: '0',
    },
    writeTransaction: (work, options) =>
      // NOTE: one connection, held (Kysely's mutex) from BEGIN to COMMIT, so no other query of this
      // process lands inside the transaction; inside a caller's own transaction, a savepoint.
      queries.connection().execute(async (connection) => {
        const savepoint = native.inTransaction ? `tailor_${++savepoints}` : undefined;
        // NOTE: the setting is read at COMMIT and cannot change inside a transaction, so it is set
        // before BEGIN and put back after; a savepoint commits with its outer transaction.
        const relaxed = options?.durable === false && synchronous === 'full' && savepoint === undefined;
        if (relaxed) setSynchronous('NORMAL');
        try {
          return await inTransaction(native, connection, savepoint, work);
        } finally {
          if (relaxed) setSynchronous('FULL');
        }
      }),
    lockKey: async () => undefined,
    lockRows: (query) => query,
    now: () => sql<string>`${new Date().toISOString()}`,
    // NOTE: data_version moves when another connection commits, total_changes when this one writes.
    changeStamp: () => `${String(dataVersion.get())}:${String(totalChanges.get())}`,
    readSnapshot: (work) =>
      // NOTE: the connection is held (Kysely's mutex) until COMMIT, so `eachVector` may use it natively.
      queries.connection().execute(async (connection) => {
        await sql.raw('BEGIN').execute(connection);
        try {
          return await work(connection);
        } finally {
          if (native.inTransaction) await sql.raw('COMMIT').execute(connection);
        }
      }),
    eachVector: async (_snapshot, query, onRow) => {
      const compiled = query.compile();
      const rows = native
        .prepare(compiled.sql)
        .raw(true)
        .iterate(...compiled.parameters) as IterableIterator<[number, Uint8Array]>;
      for (const [sequence, embedding] of rows) onRow(sequence, embedding);
    },
    eachBlob: async (_snapshot, query, onBlob) => {
      const compiled = query.compile();
      const blobs = native
        .prepare(compiled.sql)
        .pluck(true)
        .iterate(...compiled.parameters) as IterableIterator<Uint8Array>;
      for (const blob of blobs) onBlob(blob);
    },
    beforeMigrations: async () => undefined,
  };
}

/** BEGIN IMMEDIATE (or a savepoint inside a caller's transaction), `work`, then COMMIT or ROLLBACK. */
async function inTransaction<T>(
  native: Database,
  connection: SqlQueries,
  savepoint: string | undefined,
  work: (transaction: SqlQueries) => Promise<T>,
): Promise<T> {
  await sql.raw(savepoint === undefined ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${savepoint}`).execute(connection);
  try {
    const result = await work(connection);
    await sql.raw(savepoint === undefined ? 'COMMIT' : `RELEASE ${savepoint}`).execute(connection);
    return result;
  } catch (error) {
    if (native.inTransaction) {
      if (savepoint === undefined) await sql.raw('ROLLBACK').execute(connection);
      else {
        await sql.raw(`ROLLBACK TO ${savepoint}`).execute(connection);
        await sql.raw(`RELEASE ${savepoint}`).execute(connection);
      }
    }
    throw error;
  }
}
