import type { Pool } from 'pg';
import type { SqlMigration } from './sql-migration.js';
import { checkMigrationOrder } from './sql-migration.js';

/**
 * Brings a PostgreSQL schema to the latest version. One transaction holding an advisory lock keyed by
 * the schema name, so many servers starting together against one database apply each step once.
 * Creates the schema when missing. Returns the versions it applied.
 */
export async function migratePostgres(
  pool: Pool,
  schema: string,
  migrations: readonly SqlMigration[],
): Promise<number[]> {
  checkMigrationOrder(migrations);
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tailor-migrations:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    await client.query(`SET LOCAL search_path TO ${quoteIdentifier(schema)}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`,
    );
    const result = await client.query<{ version: number }>('SELECT version FROM migrations');
    const done = new Set(result.rows.map((row) => row.version));
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.statements) await client.query(statement);
      await client.query('INSERT INTO migrations (version, name, applied_at) VALUES ($1, $2, now())', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** A schema or table name as a quoted SQL identifier. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
