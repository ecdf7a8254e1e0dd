import type { Compilable, RawBuilder, SelectQueryBuilder } from 'kysely';
import type { SqlQueries } from './sql-schema.js';

/**
 * What differs between SQLite and PostgreSQL under the one SQL implementation of the stores
 * (`sql-memory.ts`, `sql-interaction-store.ts`, `sql-api-key-store.ts`, `sql-migrations.ts`). Kysely
 * writes each query once and compiles it for either database; this layer holds only what a query
 * builder cannot say the same way for both: how a writer takes its locks, the clock, column types of
 * the schema, and how the vectors of a scope are read fastest.
 */
export interface SqlDialect {
  readonly name: 'sqlite' | 'postgres';
  /** Column types of the schema (`sql-migrations.ts`). */
  readonly types: SqlColumnTypes;
  /**
   * Runs `work` in one transaction that may write: COMMIT when it resolves, ROLLBACK if not. SQLite:
   * BEGIN IMMEDIATE (the one writer lock, taken up front, so nothing another connection writes can
   * slip between a read and the write that depends on it; a savepoint inside a caller's transaction);
   * PostgreSQL: BEGIN on one pooled connection.
   *
   * `durable: false` is for writes that can be derived again from a durable row (what a learner
   * learned from a stored, still-pending edit, and marking that edit learned): its COMMIT does not
   * wait for the disk (SQLite `synchronous = NORMAL` for this commit, PostgreSQL `synchronous_commit =
   * off`). A process crash loses none of it; a power cut or OS crash may roll back the last such
   * commits, never a durable one after them, and the edits they came from are pending again, so the
   * recoverer learns them again. Default: durable, as the database is configured.
   */
  writeTransaction<T>(
    work: (transaction: SqlQueries) => Promise<T>,
    options?: { readonly durable?: boolean },
  ): Promise<T>;
  /**
   * Serialises, until `transaction` ends, the writers that lock the same key (PostgreSQL: a
   * transaction-scoped advisory lock; SQLite: nothing to do, its write transaction already excludes
   * every other writer).
   */
  lockKey(transaction: SqlQueries, key: string): Promise<void>;
  /**
   * The rows `query` reads, locked until the transaction ends (PostgreSQL: FOR UPDATE, and with
   * `skipLocked` rows another transaction holds are left out instead of waited for; SQLite: the query
   * as is, under its write transaction).
   */
  lockRows<DB, TB extends keyof DB, O>(
    query: SelectQueryBuilder<DB, TB, O>,
    options?: { readonly skipLocked?: boolean },
  ): SelectQueryBuilder<DB, TB, O>;
  /** The time a write happens: the database's clock where it has one (PostgreSQL `now()`). */
  now(): RawBuilder<string>;
  /**
   * A token that changes whenever anything may have been written to the database since it was last
   * read (SQLite: `PRAGMA data_version` and `total_changes()`); undefined when the dialect cannot tell
   * (PostgreSQL), so the caller checks the table instead.
   */
  changeStamp(): string | undefined;
  /**
   * Runs `work` in one read-only transaction that sees one state of the database throughout (SQLite: a
   * deferred transaction, whose WAL snapshot starts at its first read; PostgreSQL: REPEATABLE READ).
   */
  readSnapshot<T>(work: (snapshot: SqlQueries) => Promise<T>): Promise<T>;
  /**
   * Calls `onRow` with each `[sequence, embedding]` of a `SELECT sequence, embedding` in order, run inside
   * `readSnapshot` (`snapshot` is what it gave): one query, streamed by SQLite (a raw statement iterator:
   * no row objects) and read at once from PostgreSQL.
   */
  eachVector(
    snapshot: SqlQueries,
    query: Compilable<{ sequence: number | string; embedding: Uint8Array }>,
    onRow: (sequence: number, embedding: Uint8Array) => void,
  ): Promise<void>;
  /**
   * Calls `onBlob` with the bytes of each row of a one-column `SELECT` of a blob column, in order, run
   * inside `readSnapshot`: SQLite reads them natively; PostgreSQL by a binary COPY (raw bytes: an
   * ordinary query would send a `bytea` as hex text, twice the bytes, to make and to parse). The
   * bytes may be reused once `onBlob` returns: copy what is kept.
   */
  eachBlob(
    snapshot: SqlQueries,
    query: Compilable<{ data: Uint8Array }>,
    onBlob: (bytes: Uint8Array) => void,
  ): Promise<void>;
  /** Called first in the migrations' transaction (PostgreSQL: lock, create and select the schema). */
  beforeMigrations(transaction: SqlQueries): Promise<void>;
}

/** Column types and literals the schema's DDL needs, per dialect. */
export interface SqlColumnTypes {
  /** A generated, increasing, never reused row number, the primary key. */
  readonly sequence: string;
  readonly time: string;
  readonly bytes: string;
  readonly json: string;
  readonly boolean: string;
  readonly false: string;
}

/** One database's stores share it: the Kysely instance, its dialect, and how to close both. */
export interface SqlDatabase {
  readonly queries: SqlQueries;
  readonly dialect: SqlDialect;
  close(): Promise<void>;
}
