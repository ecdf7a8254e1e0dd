import { sql } from 'kysely';
import type { SqlDatabase, SqlDialect } from './sql-dialect.js';
import { sqlMigrations } from './sql-migrations.js';

/**
 * One numbered schema step. Versions start at 1 and increase by one; a step never changes once
 * released (add a new one instead). `statements` are the step's SQL in a dialect, run in order.
 */
export interface SqlMigration {
  readonly version: number;
  readonly name: string;
  statements(dialect: SqlDialect): readonly string[];
}

/**
 * Brings a database to the latest schema: records applied steps in a `migrations` table and applies
 * the missing ones, all in one write transaction (SQLite: IMMEDIATE; PostgreSQL: under an advisory
 * lock keyed by the schema, which it creates when missing), so servers or processes opening one
 * database at once apply each step exactly once, and a failing step leaves nothing behind. Returns
 * the versions it applied.
 */
export async function migrate(
  database: SqlDatabase,
  migrations: readonly SqlMigration[] = sqlMigrations,
): Promise<number[]> {
  checkMigrationOrder(migrations);
  const { dialect } = database;
  return dialect.writeTransaction(async (transaction) => {
    await dialect.beforeMigrations(transaction);
    await sql
      .raw(
        `CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at ${dialect.types.time} NOT NULL)`,
      )
      .execute(transaction);
    const done = await transaction.selectFrom('migrations').select('version').execute();
    const applied = new Set(done.map((row) => Number(row.version)));
    const added: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements(dialect)) await sql.raw(statement).execute(transaction);
      await transaction
        .insertInto('migrations')
        .values({ version: migration.version, name: migration.name, applied_at: dialect.now() })
        .execute();
      added.push(migration.version);
    }
    return added;
  });
}

/** `database` brought to the latest schema; closed, and the error thrown, when that fails. */
export async function migrated<Database extends SqlDatabase>(database: Database): Promise<Database> {
  try {
    await migrate(database);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Throws when versions are not 1, 2, 3, ... in order (a programming error, caught by tests). */
export function checkMigrationOrder(migrations: readonly SqlMigration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration ${migration.name} has version ${migration.version}, expected ${index + 1}`);
    }
  });
}
