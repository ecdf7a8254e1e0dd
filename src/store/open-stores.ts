import type { ApiKeyStore, InteractionStore, Memory } from '../spec/index.js';
import { openPostgresDatabase } from './postgres-database.js';
import type { SqlDatabase } from './sql-dialect.js';
import { SqlApiKeyStore } from './sql-api-key-store.js';
import { SqlInteractionStore } from './sql-interaction-store.js';
import { SqlMemory } from './sql-memory.js';
import { openSqliteDatabase } from './sqlite-database.js';

/** The three stores a service needs, on one database. */
export interface Stores {
  readonly memory: Memory;
  readonly interactions: InteractionStore;
  readonly apiKeys: ApiKeyStore;
  readonly kind: 'sqlite' | 'postgres';
  /** Where the data is, safe to print (a PostgreSQL password is masked). */
  readonly location: string;
  close(): Promise<void>;
}

/**
 * Opens every store on one database: a `postgres://` or `postgresql://` URL selects PostgreSQL
 * (tables in `options.schema`, default `tailor`), anything else is a SQLite file path (created with
 * its folder when missing). Both are migrated to the latest schema before this resolves.
 *
 * @example
 * const stores = await openStores('.tailor/tailor.sqlite');
 * const stores = await openStores('postgres://tailor@db.internal/tailor', { schema: 'tailor' });
 */
export async function openStores(
  location: string,
  options: {
    readonly schema?: string;
    readonly maxConnections?: number;
    /** SQLite only: `full` (default, survives a power cut) or `normal` (survives a crash; faster). */
    readonly sqliteSynchronous?: 'full' | 'normal';
  } = {},
): Promise<Stores> {
  if (isPostgresUrl(location)) {
    const database = await openPostgresDatabase({
      connectionString: location,
      schema: options.schema,
      maxConnections: options.maxConnections,
    });
    return storesOn(database, 'postgres', `${maskPassword(location)} (schema ${database.schema})`);
  }
  const database = await openSqliteDatabase({ path: location, synchronous: options.sqliteSynchronous });
  return storesOn(database, 'sqlite', location);
}

/** The three SQL stores over one opened database. */
function storesOn(database: SqlDatabase, kind: Stores['kind'], location: string): Stores {
  return {
    memory: new SqlMemory(database),
    interactions: new SqlInteractionStore(database),
    apiKeys: new SqlApiKeyStore(database),
    kind,
    location,
    close: () => database.close(),
  };
}

/** True for a PostgreSQL connection URL. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

function maskPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}
