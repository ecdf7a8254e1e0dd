import { randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { Interaction, MemoryEntry } from '../spec/index.js';
import { ConflictError } from '../spec/index.js';
import { openPostgresDatabase } from './postgres-database.js';
import { describePostgres } from './postgres-test-database.js';
import { SqlApiKeyStore } from './sql-api-key-store.js';
import type { SqlDatabase } from './sql-dialect.js';
import { SqlInteractionStore } from './sql-interaction-store.js';
import { SqlMemory } from './sql-memory.js';
import { migrate } from './sql-migrator.js';
import { sqlMigrations } from './sql-migrations.js';
import { describeSqlDatabases } from './sql-test-databases.js';
import { openSqliteDatabase } from './sqlite-database.js';

const fixtures = new URL('./fixtures/', import.meta.url);
const versions = sqlMigrations.map((step) => step.version);

/** A step a later release might add. */
const notes = {
  version: versions.length + 1,
  name: 'notes',
  statements: () => ['CREATE TABLE notes (id INTEGER PRIMARY KEY)'],
};

describeSqlDatabases('migrate', (databases) => {
  const tableExists = async (database: SqlDatabase, table: string) => {
    const tables = await database.queries.introspection.getTables();
    return tables.some((found) => found.name === table);
  };

  it('applies every step once and records it', async () => {
    const database = await databases.shared();
    expect(await migrate(database)).toEqual([]);
    const recorded = await database.queries
      .selectFrom('migrations')
      .select('version')
      .orderBy('version')
      .execute();
    expect(recorded.map((row) => Number(row.version))).toEqual(versions);
  });

  it('applies only the new steps of a later release', async () => {
    const database = await databases.shared();
    const later = [...sqlMigrations, notes];
    expect(await migrate(database, later)).toEqual([notes.version]);
    expect(await migrate(database, later)).toEqual([]);
    expect(await tableExists(database, 'notes')).toBe(true);
  });

  it('rolls a failing step back entirely and refuses versions out of order', async () => {
    const database = await databases.shared();
    const failing = [
      ...sqlMigrations,
      notes,
      {
        version: notes.version + 1,
        name: 'half',
        statements: () => ['CREATE TABLE half (id INTEGER)', 'NOT SQL'],
      },
    ];
    await expect(migrate(database, failing)).rejects.toThrow();
    expect(await tableExists(database, 'half')).toBe(false);
    await expect(migrate(database, [{ version: 2, name: 'gap', statements: () => [] }])).rejects.toThrow(
      /expected 1/,
    );
  });
});

/** Tables, columns, indexes and checks as the database reports them (names, types, order, definitions). */
async function schemaOf(database: SqlDatabase): Promise<unknown> {
  if (database.dialect.name === 'sqlite') {
    const { rows } = await sql<{ type: string; name: string; tbl_name: string }>`
      SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name`.execute(
      database.queries,
    );
    const columns = await sql`
      SELECT m.name AS tbl, p.* FROM sqlite_master m, pragma_table_info(m.name) p
      WHERE m.type = 'table' ORDER BY m.name, p.cid`.execute(database.queries);
    const indexes = await sql`
      SELECT m.name AS tbl, l.name, l."unique", l.partial, i.name AS col FROM sqlite_master m,
        pragma_index_list(m.name) l, pragma_index_info(l.name) i
      WHERE m.type = 'table' ORDER BY m.name, l.name, i.seqno`.execute(database.queries);
    return { objects: rows, columns: columns.rows, indexes: indexes.rows };
  }
  const columns = await sql`
    SELECT table_name, column_name, ordinal_position, data_type, is_nullable, column_default, is_identity
    FROM information_schema.columns WHERE table_schema = current_schema()
    ORDER BY table_name, ordinal_position`.execute(database.queries);
  const indexes = await sql<{ indexdef: string }>`
    SELECT indexname, replace(indexdef, current_schema() || '.', '') AS indexdef FROM pg_indexes
    WHERE schemaname = current_schema() ORDER BY indexname`.execute(database.queries);
  const checks = await sql`
    SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint
    WHERE connamespace = current_schema()::regnamespace ORDER BY conname`.execute(database.queries);
  const storage = await sql`
    SELECT c.relname, a.attname, a.attstorage FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND a.attnum > 0
    ORDER BY c.relname, a.attnum`.execute(database.queries);
  return { columns: columns.rows, indexes: indexes.rows, checks: checks.rows, storage: storage.rows };
}

/** What the release before one SQL store wrote, at schema version 1: now read as version 2 has it. */
async function expectVersion1Upgraded(database: SqlDatabase): Promise<void> {
  const memory = new SqlMemory(database);
  const interactions = new SqlInteractionStore(database);
  const scope = { tenant: 'acme', user: 'ada', task: 'email' };
  const entries = await memory.list({ scope });
  // NOTE: version 2 keeps one memory entry per interaction: the first (m2), not its duplicate (m3).
  expect(entries.map((entry) => [entry.id, entry.sequence, entry.pinned])).toEqual([
    ['m1', 1, true],
    ['m2', 2, false],
  ]);
  expect(entries[1]).toMatchObject({
    kind: 'pair',
    pair: { original: 'draft', edited: 'edited draft' },
    interactionId: 'i2',
    createdAt: '2026-01-02T03:04:05.678Z',
    embedding: [1, 0],
  });
  const [nearest] = await memory.nearest({ scope, embedding: [0.6, 0.8], k: 1, kind: 'preference' });
  expect(nearest?.entry.preference).toBe('brief');
  await expect(
    memory.add({ ...entries[1]!, embedding: [0, 1], scope, pinned: false }),
  ).rejects.toBeInstanceOf(ConflictError);
  const added = await memory.add({ ...entries[0]!, interactionId: null, scope });
  expect(added.sequence).toBeGreaterThan(3);

  expect(await interactions.get({ tenant: 'acme', id: 'i2' })).toMatchObject({
    user: 'ada',
    task: { kind: 'email' },
    status: 'learned',
    neighbours: [{ entryId: 'm1', contextId: 'c1', similarity: 0.6, preference: 'brief' }],
    editedAt: '2026-01-02T03:04:05.678Z',
    preferenceInferred: 'formal',
    embedding: null,
  } satisfies Partial<Interaction>);
  const claimed = await interactions.claimPending({
    limit: 10,
    lease: { owner: 'upgraded', until: '2999-01-01T00:00:00.000Z' },
    now: new Date().toISOString(),
  });
  expect(claimed.map((interaction) => [interaction.id, interaction.learnAttempts])).toEqual([['i3', 2]]);
  expect(
    await interactions.markLearnFailed({ tenant: 'acme', id: 'i3', error: 'again', retryAt: null }),
  ).toMatchObject({ status: 'failed', learnAttempts: 3 });
  expect(await new SqlApiKeyStore(database).list()).toEqual([
    {
      id: 'key_fixture',
      tenant: 'acme',
      label: 'ci',
      createdAt: '2026-01-02T03:04:05.678Z',
      revokedAt: null,
    },
  ]);
}

/** What the release before wrote at version 2 reads back exactly as that release returned it. */
async function expectVersion2Unchanged(database: SqlDatabase, expected: Version2State): Promise<void> {
  const memory = new SqlMemory(database);
  const interactions = new SqlInteractionStore(database);
  const apiKeys = new SqlApiKeyStore(database);
  expect(await memory.list({ scope: { tenant: 'acme', user: 'ada', task: 'email' } })).toEqual(
    expected.memory,
  );
  for (const interaction of expected.interactions) {
    expect(await interactions.get({ tenant: interaction.tenant, id: interaction.id })).toEqual(interaction);
  }
  expect(await apiKeys.list()).toEqual(expected.apiKeys);
  expect((await apiKeys.verify(expected.secret))?.id).toBe(expected.keyId);
}

interface Version2State {
  readonly memory: MemoryEntry[];
  readonly interactions: Interaction[];
  readonly apiKeys: unknown[];
  readonly secret: string;
  readonly keyId: string;
}

function version2State(dialect: string): Version2State {
  return JSON.parse(readFileSync(new URL(`${dialect}-v2.json`, fixtures), 'utf8')) as Version2State;
}

/** A database as the release before left it (schema version 1 or 2), or a new one (undefined). */
type OpenFixture = (version: 1 | 2 | undefined) => Promise<SqlDatabase>;

/** The upgrade tests of one dialect: its databases of both versions open, with the schema of a new one. */
function itOpensDatabasesOfTheReleaseBefore(openFixture: OpenFixture): void {
  /** Runs `check` on a database of `version` and a new one, then closes both. */
  const compared = async (version: 1 | 2, check: (old: SqlDatabase, fresh: SqlDatabase) => Promise<void>) => {
    const [old, fresh] = await Promise.all([openFixture(version), openFixture(undefined)]);
    try {
      await check(old, fresh);
    } finally {
      await Promise.all([old.close(), fresh.close()]);
    }
  };

  it('opens a version 1 database, migrates it to the schema a new one has, and reads its rows', () =>
    compared(1, async (upgraded, fresh) => {
      expect(await schemaOf(upgraded)).toEqual(await schemaOf(fresh));
      await expectVersion1Upgraded(upgraded);
    }));

  it('opens a version 2 database as it is, with the schema a new one has, reading what that release wrote', () =>
    compared(2, async (database, fresh) => {
      expect(await migrate(database)).toEqual([]);
      expect(await schemaOf(database)).toEqual(await schemaOf(fresh));
      await expectVersion2Unchanged(database, version2State(database.dialect.name));
    }));
}

describe('databases of the release before one SQL store: SQLite', () => {
  const directory = mkdtempSync(join(tmpdir(), 'tailor-sqlite-upgrade-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  itOpensDatabasesOfTheReleaseBefore((version) => {
    const path = join(directory, `${randomUUID()}.sqlite`);
    if (version !== undefined) copyFileSync(new URL(`sqlite-v${version}.sqlite`, fixtures), path);
    return openSqliteDatabase({ path, synchronous: 'normal' });
  });
});

describePostgres('databases of the release before one SQL store: PostgreSQL', (url) => {
  const schemas: string[] = [];
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });
  // NOTE: a schema of its own, restored from a dump of the release before (`fixtures/postgres-v<n>.dump`).
  itOpensDatabasesOfTheReleaseBefore(async (version) => {
    const schema = `tailor_test_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    if (version !== undefined) {
      const dump = readFileSync(new URL(`postgres-v${version}.dump`, fixtures), 'utf8');
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(dump.replaceAll(`fixture_v${version}`, schema));
      } finally {
        await admin.end();
      }
    }
    return openPostgresDatabase({ connectionString: url, schema, maxConnections: 3 });
  });
});
