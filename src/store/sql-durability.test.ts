import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { describePostgres, openPostgresTestDatabase } from './postgres-test-database.js';
import type { SqlDatabase, SqlDialect } from './sql-dialect.js';
import { SqlInteractionStore } from './sql-interaction-store.js';
import { SqlMemory } from './sql-memory.js';
import type { SqlQueries } from './sql-schema.js';
import { openSqliteDatabase, type SqliteDatabase } from './sqlite-database.js';
import { newInteraction, preferenceEntry } from './test-entries.js';

/** How the current transaction will commit: 'durable' (waits for the disk) or 'relaxed'. */
async function commitMode(database: SqlDatabase, transaction: SqlQueries): Promise<'durable' | 'relaxed'> {
  if (database.dialect.name === 'sqlite') {
    // NOTE: 2 = FULL (the setting the test database opens with), 1 = NORMAL.
    const level = (database as SqliteDatabase).native.pragma('synchronous', { simple: true });
    return level === 2 ? 'durable' : 'relaxed';
  }
  const { rows } = await sql<{ synchronous_commit: string }>`SHOW synchronous_commit`.execute(transaction);
  return rows[0]?.synchronous_commit === 'off' ? 'relaxed' : 'durable';
}

/** `database` with a dialect that records the `durable` option of every write transaction. */
function recordingDurability(database: SqlDatabase): { database: SqlDatabase; durable: boolean[] } {
  const durable: boolean[] = [];
  const dialect: SqlDialect = {
    ...database.dialect,
    writeTransaction: (work, options) => {
      durable.push(options?.durable !== false);
      return database.dialect.writeTransaction(work, options);
    },
  };
  return { database: { ...database, dialect }, durable };
}

function describeDurability(open: () => Promise<SqlDatabase>, dialect: string): void {
  describe(`commit durability (${dialect})`, () => {
    it('commits a write transaction durably unless asked not to, and is durable again after a relaxed one, even one that failed', async () => {
      const database = await open();
      const modes: string[] = [];
      const note = (transaction: SqlQueries) =>
        commitMode(database, transaction).then((mode) => modes.push(mode));
      await database.dialect.writeTransaction(note);
      await database.dialect.writeTransaction(note, { durable: false });
      await database.dialect.writeTransaction(note);
      await expect(
        database.dialect.writeTransaction(
          async (transaction) => {
            await note(transaction);
            throw new Error('work failed');
          },
          { durable: false },
        ),
      ).rejects.toThrow('work failed');
      await database.dialect.writeTransaction(note);
      expect(modes).toEqual(['durable', 'relaxed', 'durable', 'relaxed', 'durable']);
    });

    it('keeps what a person wrote and every edit durable; what was learned from a stored edit, and marking it learned, need not wait for the disk', async () => {
      const recording = recordingDurability(await open());
      const memory = new SqlMemory(recording.database);
      const interactions = new SqlInteractionStore(recording.database);
      const tenant = `tenant-${randomUUID()}`;
      const scope = { tenant, user: 'ada', task: 'email' };
      const created = await interactions.create(newInteraction(tenant));
      await interactions.recordEdit({ tenant, id: created.id, edited: 'the edit', cost: 2 });
      const afterEdit = recording.durable.length;

      await memory.add(
        preferenceEntry(scope, 'learned: bullet points', [1, 0], { interactionId: created.id }),
      );
      await interactions.markLearned({ tenant, id: created.id, preferenceInferred: 'bullet points' });
      await memory.add(
        preferenceEntry(scope, 'written by Ada: sign with my name', [0, 1], { origin: 'user' }),
      );

      // NOTE: the edit is a plain durable statement, not a write transaction; the three after it are.
      expect(afterEdit).toBe(0);
      expect(recording.durable).toEqual([false, false, true]);
      const stored = await memory.list({ scope });
      expect(stored.map((entry) => entry.preference)).toEqual([
        'learned: bullet points',
        'written by Ada: sign with my name',
      ]);
      expect((await interactions.get({ tenant, id: created.id }))?.status).toBe('learned');
    });
  });
}

// NOTE: SQLite opened with its default, synchronous = FULL (the shared test databases use NORMAL).
const directory = mkdtempSync(join(tmpdir(), 'tailor-durability-'));
const sqlite = openSqliteDatabase({ path: join(directory, 'durability.sqlite') });
afterAll(async () => {
  await (await sqlite).close();
  rmSync(directory, { recursive: true, force: true });
});
describeDurability(() => sqlite, 'sqlite, synchronous = FULL');

describe('commit durability (sqlite, synchronous = NORMAL)', () => {
  it('commits every write transaction as the database was opened to, whatever the store prepares', async () => {
    const path = join(directory, 'normal.sqlite');
    const database = await openSqliteDatabase({ path, synchronous: 'normal' });
    try {
      const modes: string[] = [await commitMode(database, database.queries)];
      const note = (transaction: SqlQueries) =>
        commitMode(database, transaction).then((mode) => modes.push(mode));
      await database.dialect.writeTransaction(note);
      await database.dialect.writeTransaction(note, { durable: false });
      const tenant = `tenant-${randomUUID()}`;
      await new SqlMemory(database).add(
        preferenceEntry({ tenant, user: 'ada', task: 'email' }, 'brief', [1, 0]),
      );
      modes.push(await commitMode(database, database.queries));
      expect(modes).toEqual(['relaxed', 'relaxed', 'relaxed', 'relaxed']);
    } finally {
      await database.close();
    }
  });
});

describePostgres('commit durability on PostgreSQL', (url) => {
  let opened: Promise<SqlDatabase> | undefined;
  afterAll(async () => {
    if (opened !== undefined) await (await opened).close();
  });
  describeDurability(() => (opened ??= openPostgresTestDatabase(url)), 'postgres');
});
