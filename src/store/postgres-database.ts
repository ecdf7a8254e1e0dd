import pg from 'pg';
import type { Pool } from 'pg';
import { InvalidInputError } from '../spec/index.js';
import { migratePostgres } from './postgres-migrator.js';
import { postgresMigrations } from './postgres-migrations.js';

/** The schema Tailor's tables live in when none is given. */
export const defaultPostgresSchema = 'tailor';

const schemaPattern = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * A connection pool whose sessions resolve table names in one schema (set as `search_path` when each
 * connection starts), migrated to the latest version. Several servers may share one database: each
 * opens its own pool on the same schema; migrations serialise on an advisory lock.
 *
 * @example
 * const database = await openPostgresDatabase({ connectionString: 'postgres://tailor@db/tailor' });
 * const memory = new PostgresMemory(database.pool);
 */
export async function openPostgresDatabase(options: {
  readonly connectionString: string;
  readonly schema?: string;
  /** Most connections this process opens (default 10). */
  readonly maxConnections?: number;
}): Promise<{ readonly pool: Pool; readonly schema: string; close(): Promise<void> }> {
  const schema = options.schema ?? defaultPostgresSchema;
  if (!schemaPattern.test(schema)) {
    throw new InvalidInputError({
      field: 'schema',
      value: schema,
      accepted: 'lowercase letters, digits and underscores, starting with a letter or underscore',
    });
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    options: `-c search_path=${schema}`,
  });
  // NOTE: an idle client's error (e.g. the server restarting) would otherwise crash the process; the
  // pool drops that client and the next query opens a new one.
  pool.on('error', () => undefined);
  try {
    await migratePostgres(pool, schema, postgresMigrations);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return { pool, schema, close: () => pool.end() };
}
