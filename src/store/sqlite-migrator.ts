import type { Database } from 'better-sqlite3';
import type { SqlMigration } from './sql-migration.js';
import { checkMigrationOrder } from './sql-migration.js';

/**
 * Brings a SQLite database to the latest schema: records applied steps in a `migrations` table and
 * applies the missing ones, each in its own IMMEDIATE transaction (so two processes opening the same
 * file at once apply each step exactly once). Returns the versions it applied.
 */
export function migrateSqlite(database: Database, migrations: readonly SqlMigration[]): number[] {
  checkMigrationOrder(migrations);
  database.exec(
    `CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
  );
  const applied: number[] = [];
  for (const migration of migrations) {
    const apply = database.transaction(() => {
      const done = database.prepare('SELECT 1 FROM migrations WHERE version = ?').get(migration.version);
      if (done !== undefined) return;
      for (const statement of migration.statements) database.exec(statement);
      database
        .prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)')
        .run(migration.version, migration.name, new Date().toISOString());
      applied.push(migration.version);
    });
    apply.immediate();
  }
  return applied;
}
