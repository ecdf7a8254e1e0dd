import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Pool, PoolClient } from 'pg';
import { InvalidInputError } from '../spec/index.js';
import type { SqlDatabase, SqlDialect } from './sql-dialect.js';
import { copyOutBinary } from './postgres-copy-out.js';
import { migrated } from './sql-migrator.js';
import type { SqlQueries, SqlSchema } from './sql-schema.js';

/** The schema Tailor's tables live in when none is given. */
export const defaultPostgresSchema = 'tailor';

const schemaPattern = /^[a-z_][a-z0-9_]{0,62}$/;

/** A PostgreSQL database for the SQL stores, with its `pg` pool (for tests and tools) and schema. */
export interface PostgresDatabase extends SqlDatabase {
  readonly pool: Pool;
  readonly schema: string;
}

/**
 * A connection pool whose sessions resolve table names in one schema (set as `search_path` when each
 * connection starts), migrated to the latest version. Several servers may share one database: each
 * opens its own pool on the same schema; migrations serialise on an advisory lock.
 *
 * @example
 * const database = await openPostgresDatabase({ connectionString: 'postgres://tailor@db/tailor' });
 * const memory = new SqlMemory(database);
 */
export async function openPostgresDatabase(options: {
  readonly connectionString: string;
  readonly schema?: string;
  /** Most connections this process opens (default 10). */
  readonly maxConnections?: number;
}): Promise<PostgresDatabase> {
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
  const queries = new Kysely<SqlSchema>({ dialect: new PostgresDialect({ pool }) });
  return migrated({
    queries,
    dialect: postgresDialect(queries, pool, schema),
    pool,
    schema,
    close: async () => {
      await queries.destroy();
      if (!pool.ended) await pool.end();
    },
  });
}

function postgresDialect(queries: SqlQueries, pool: Pool, schema: string): SqlDialect {
  /** The connection each `readSnapshot` runs on, for `eachBlob`'s COPY. */
  const snapshotClients = new WeakMap<SqlQueries, PoolClient>();
  const lockKey = async (transaction: SqlQueries, key: string) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(transaction);
  };
  return {
    name: 'postgres',
    types: {
      sequence: 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
      time: 'TIMESTAMPTZ',
      bytes: 'BYTEA',
      json: 'JSONB',
      boolean: 'BOOLEAN',
      false: 'FALSE',
    },
    writeTransaction: (work, options) =>
      queries.transaction().execute(async (transaction) => {
        if (options?.durable === false) await sql`SET LOCAL synchronous_commit TO OFF`.execute(transaction);
        return work(transaction);
      }),
    lockKey,
    lockRows: (query, options) =>
      options?.skipLocked === true ? query.forUpdate().skipLocked() : query.forUpdate(),
    now: () => sql<string>`now()`,
    changeStamp: () => undefined,
    // NOTE: on a connection of its own, queried through a Kysely bound to it, so `eachBlob` can run a
    // COPY (which Kysely cannot) in the same snapshot.
    readSnapshot: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const snapshot = new Kysely<SqlSchema>({
          dialect: new PostgresDialect({
            pool: {
              connect: async () => ({ query: client.query.bind(client), release: () => undefined }),
              end: async () => undefined,
            },
          }),
        });
        snapshotClients.set(snapshot, client);
        const result = await work(snapshot);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    eachBlob: async (snapshot, query, onBlob) => {
      const client = snapshotClients.get(snapshot);
      if (client === undefined) throw new Error('eachBlob runs inside readSnapshot');
      const compiled = query.compile();
      // NOTE: COPY takes no parameters: they are written in as literals (the query's own SQL has no
      // other \$n: it is built from identifiers by the query builder).
      const select = compiled.sql.replace(/\$(\d+)/g, (_match, position: string) =>
        literal(compiled.parameters[Number(position) - 1]),
      );
      await copyOutBinary(client, select, onBlob);
    },
    eachVector: async (snapshot, query, onRow) => {
      const { rows } = await snapshot.executeQuery(query);
      for (const row of rows) onRow(Number(row.sequence), row.embedding);
    },
    // NOTE: many servers starting together against one database apply each step once.
    beforeMigrations: async (transaction) => {
      await lockKey(transaction, `tailor-migrations:${schema}`);
      await sql.raw(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`).execute(transaction);
      await sql.raw(`SET LOCAL search_path TO ${quoteIdentifier(schema)}`).execute(transaction);
    },
  };
}

/** A string or number parameter as a SQL literal. */
function literal(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  throw new Error(`no literal for a parameter of type ${typeof value}`);
}

/** A schema or table name as a quoted SQL identifier. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
