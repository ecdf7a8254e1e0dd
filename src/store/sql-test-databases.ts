import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { openPostgresDatabase } from './postgres-database.js';
import { describePostgres, openPostgresTestDatabase } from './postgres-test-database.js';
import type { SqlDatabase } from './sql-dialect.js';
import { openSqliteDatabase } from './sqlite-database.js';

/** One suite's database in one dialect. */
export interface SqlTestDatabases {
  readonly dialect: 'sqlite' | 'postgres';
  /** The suite's database (a file, or a schema of its own), opened once and closed after the suite. */
  shared(): Promise<SqlDatabase>;
  /** Another connection to the same database, as another process or server has; the caller closes it. */
  another(): Promise<SqlDatabase>;
}

/**
 * Declares `body` once per SQL dialect: on SQLite (a file in a temporary folder) and on PostgreSQL (a
 * schema of its own; skipped, saying why, when TAILOR_TEST_POSTGRES_URL is unset).
 *
 * @example
 * describeSqlDatabases('SqlMemory', (databases) => {
 *   describeMemoryContract(databases.dialect, async () => ({ memory: new SqlMemory(await databases.shared()), close: async () => {} }));
 * });
 */
export function describeSqlDatabases(name: string, body: (databases: SqlTestDatabases) => void): void {
  describe(`${name} on SQLite`, () => {
    const directory = mkdtempSync(join(tmpdir(), 'tailor-sql-'));
    const path = join(directory, `${randomUUID()}.sqlite`);
    const open = () => openSqliteDatabase({ path, synchronous: 'normal' });
    body(sharedOnce('sqlite', open, open, () => rmSync(directory, { recursive: true, force: true })));
  });
  describePostgres(`${name} on PostgreSQL`, (url) => {
    let schema = '';
    const open = async () => {
      const database = await openPostgresTestDatabase(url);
      schema = database.schema;
      return database;
    };
    const another = () => openPostgresDatabase({ connectionString: url, schema, maxConnections: 5 });
    body(sharedOnce('postgres', open, another, () => undefined));
  });
}

function sharedOnce(
  dialect: SqlTestDatabases['dialect'],
  open: () => Promise<SqlDatabase>,
  another: () => Promise<SqlDatabase>,
  cleanUp: () => void,
): SqlTestDatabases {
  let opened: Promise<SqlDatabase> | undefined;
  const shared = () => (opened ??= open());
  afterAll(async () => {
    if (opened !== undefined) await (await opened).close();
    cleanUp();
  });
  return {
    dialect,
    shared,
    another: async () => {
      await shared();
      return another();
    },
  };
}
