import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateSqlite } from './sqlite-migrator.js';
import { sqliteMigrations } from './sqlite-migrations.js';

describe('migrateSqlite', () => {
  it('applies every step once and records it', () => {
    const database = new BetterSqlite3(':memory:');
    expect(migrateSqlite(database, sqliteMigrations)).toEqual(sqliteMigrations.map((step) => step.version));
    expect(migrateSqlite(database, sqliteMigrations)).toEqual([]);
    const versions = database.prepare('SELECT version FROM migrations ORDER BY version').pluck().all();
    expect(versions).toEqual(sqliteMigrations.map((step) => step.version));
    database.close();
  });

  it('applies only the new steps of a later release', () => {
    const database = new BetterSqlite3(':memory:');
    migrateSqlite(database, sqliteMigrations);
    const next = sqliteMigrations.length + 1;
    const later = [
      ...sqliteMigrations,
      { version: next, name: 'notes', statements: ['CREATE TABLE notes (id INTEGER PRIMARY KEY)'] },
    ];
    expect(migrateSqlite(database, later)).toEqual([next]);
    expect(database.prepare("SELECT name FROM sqlite_master WHERE name = 'notes'").get()).toBeDefined();
    database.close();
  });

  it('rolls a failing step back entirely and refuses versions out of order', () => {
    const database = new BetterSqlite3(':memory:');
    const failing = [{ version: 1, name: 'half', statements: ['CREATE TABLE half (id INTEGER)', 'NOT SQL'] }];
    expect(() => migrateSqlite(database, failing)).toThrow();
    expect(database.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    expect(() => migrateSqlite(database, [{ version: 2, name: 'gap', statements: [] }])).toThrow(
      /expected 1/,
    );
    database.close();
  });
});
