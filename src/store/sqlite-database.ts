import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { migrateSqlite } from './sqlite-migrator.js';
import { sqliteMigrations } from './sqlite-migrations.js';

/** Where `tailor serve` keeps its data when no store is given. */
export const defaultSqlitePath = '.tailor/tailor.sqlite';

/**
 * Opens (creating when missing) one SQLite file for every store, in WAL mode, migrated to the latest
 * schema. `synchronous` is FULL by default: a commit is on disk before the call returns, so an
 * acknowledged edit survives a crash or a power cut; `normal` survives a process crash only but
 * writes faster.
 *
 * @example
 * const database = openSqliteDatabase({ path: '.tailor/tailor.sqlite' });
 * const memory = new SqliteMemory(database);
 */
export function openSqliteDatabase(options: {
  readonly path: string;
  readonly synchronous?: 'full' | 'normal';
}): Database {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const database = new BetterSqlite3(options.path, { timeout: 5_000 });
  database.pragma('journal_mode = WAL');
  database.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  database.pragma('busy_timeout = 5000');
  migrateSqlite(database, sqliteMigrations);
  return database;
}
