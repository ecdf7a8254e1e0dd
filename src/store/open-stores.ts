import type { ApiKeyStore, InteractionStore, Memory } from '../spec/index.js';
import { openPostgresDatabase } from './postgres-database.js';
import { PostgresApiKeyStore } from './postgres-api-key-store.js';
import { PostgresInteractionStore } from './postgres-interaction-store.js';
import { PostgresMemory } from './postgres-memory.js';
import { SqliteApiKeyStore } from './sqlite-api-key-store.js';
import { openSqliteDatabase } from './sqlite-database.js';
import { SqliteInteractionStore } from './sqlite-interaction-store.js';
import { SqliteMemory } from './sqlite-memory.js';

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
    return {
      memory: new PostgresMemory(database.pool),
      interactions: new PostgresInteractionStore(database.pool),
      apiKeys: new PostgresApiKeyStore(database.pool),
      kind: 'postgres',
      location: `${maskPassword(location)} (schema ${database.schema})`,
      close: () => database.close(),
    };
  }
  const database = openSqliteDatabase({ path: location, synchronous: options.sqliteSynchronous });
  return {
    memory: new SqliteMemory(database),
    interactions: new SqliteInteractionStore(database),
    apiKeys: new SqliteApiKeyStore(database),
    kind: 'sqlite',
    location,
    close: async () => void database.close(),
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
