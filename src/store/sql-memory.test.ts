import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { MemoryScope } from '../spec/index.js';
import { encodeEmbedding } from './embedding-codec.js';
import { preferenceEntry } from './test-entries.js';
import { fullScan, insertPreferenceRows, seededRandom, seededVectors } from './test-seeded-vectors.js';
import { SqlMemory } from './sql-memory.js';
import { describeSqlDatabases } from './sql-test-databases.js';

const preference = (tenant: string, text: string, embedding: number[]) =>
  preferenceEntry({ tenant, user: 'u', task: 'email' }, text, embedding);

/** The preferences `memory` finds nearest to `embedding` in the scope (up to 25), best first. */
async function nearestPreferences(memory: SqlMemory, scope: MemoryScope, embedding = [1, 0]) {
  const found = await memory.nearest({ scope, embedding, k: 25, kind: 'preference' });
  return found.map((neighbour) => neighbour.entry.preference);
}

describeSqlDatabases('SqlMemory', (databases) => {
  it('stores each embedding as 4 bytes a dimension', async () => {
    const database = await databases.shared();
    const added = await new SqlMemory(database).add(
      preference(randomUUID(), 'brief', new Array<number>(384).fill(1 / Math.sqrt(384))),
    );
    const { rows } = await sql<{
      bytes: number;
    }>`SELECT octet_length(embedding) AS bytes FROM memory_entries WHERE id = ${added.id}`.execute(
      database.queries,
    );
    expect(rows).toEqual([{ bytes: 384 * 4 }]);
  });

  it('keeps entries across reopening the database', async () => {
    const tenant = randomUUID();
    const added = await new SqlMemory(await databases.shared()).add(preference(tenant, 'brief', [0.6, 0.8]));
    const reopened = await databases.another();
    try {
      expect(await new SqlMemory(reopened).get({ scope: added.scope, id: added.id })).toEqual(added);
    } finally {
      await reopened.close();
    }
  });

  it('sees entries added and deleted by another instance on another connection (another process)', async () => {
    const tenant = randomUUID();
    const scope = { tenant, user: 'u', task: 'email' };
    const other = await databases.another();
    try {
      const reader = new SqlMemory(await databases.shared());
      const writer = new SqlMemory(other);
      const far = await writer.add(preference(tenant, 'far', [0, 1]));
      expect(await nearestPreferences(reader, scope)).toEqual(['far']);
      await writer.add(preference(tenant, 'close', [1, 0]));
      expect(await nearestPreferences(reader, scope)).toEqual(['close', 'far']);
      await writer.delete({ scope, id: far.id });
      expect(await nearestPreferences(reader, scope)).toEqual(['close']);
    } finally {
      await other.close();
    }
  });

  /** Two store instances over the suite's database (a reader and a writer), and a tenant of their own. */
  const twoInstances = async () => {
    const database = await databases.shared();
    const tenant = randomUUID();
    const scope = { tenant, user: 'u', task: 'email' };
    return { database, tenant, scope, reader: new SqlMemory(database), writer: new SqlMemory(database) };
  };

  it('sees writes of another instance on the same connection and plain SQL deletes', async () => {
    const { database, tenant, scope, reader, writer } = await twoInstances();
    await writer.add(preference(tenant, 'far', [0, 1]));
    expect(await nearestPreferences(reader, scope)).toEqual(['far']);
    expect(await nearestPreferences(reader, scope)).toEqual(['far']);
    const close = await writer.add(preference(tenant, 'close', [1, 0]));
    expect(await nearestPreferences(reader, scope)).toEqual(['close', 'far']);
    await database.queries.deleteFrom('memory_entries').where('id', '=', close.id).execute();
    expect(await nearestPreferences(reader, scope)).toEqual(['far']);
    await writer.forget({ tenant, user: 'u' });
    expect(await nearestPreferences(reader, scope)).toEqual([]);
  });

  it('sees a row written below the newest sequence after a delete that kept the count (a late commit)', async () => {
    const { database, tenant, scope, reader, writer } = await twoInstances();
    await writer.add(preference(tenant, 'first', [0, 1]));
    const middle = await writer.add(preference(tenant, 'middle', [0.1, 0.9]));
    await writer.add(preference(tenant, 'last', [0.5, 0.5]));
    expect(await nearestPreferences(reader, scope)).toEqual(['last', 'middle', 'first']);
    // NOTE: the count and the newest sequence stay as they were; only the rows differ.
    const now = new Date().toISOString();
    const override = database.dialect.name === 'postgres' ? sql`OVERRIDING SYSTEM VALUE` : sql``;
    await database.dialect.writeTransaction(async (transaction) => {
      await transaction.deleteFrom('memory_entries').where('id', '=', middle.id).execute();
      await sql`INSERT INTO memory_entries (sequence, id, tenant, user_id, task, kind, dimension, preference,
          origin, created_at, updated_at, embedding) ${override}
        VALUES (${middle.sequence}, ${randomUUID()}, ${tenant}, 'u', 'email', 'preference', 2, 'late',
          'inferred', ${now}, ${now}, ${encodeEmbedding([1, 0])})`.execute(transaction);
    });
    expect(await nearestPreferences(reader, scope)).toEqual(['late', 'last', 'first']);
  });

  it('answers as a full scan would over a scope large enough to keep only the int8 copy in memory', async () => {
    const { database, tenant, scope, reader, writer } = await twoInstances();
    const dimension = 24;
    const random = seededRandom(7);
    const vectors = seededVectors(2_500, dimension, random);
    await insertPreferenceRows(database, scope, vectors);
    const ask = async (query: readonly number[], k: number) =>
      (await reader.nearest({ scope, embedding: query, k, kind: 'preference' })).map(
        (neighbour) => neighbour.entry.preference,
      );
    for (const [query, k] of [
      [vectors[0]!, 5],
      [vectors[1_234]!, 10],
      [Array.from({ length: dimension }, random), 25],
    ] as const) {
      expect(await ask(query, k)).toEqual(fullScan(vectors, query, k));
    }
    const [newest] = await writer.list({ scope, last: 1 });
    await writer.delete({ scope, id: newest!.id });
    vectors.pop();
    await writer.add(
      preference(
        tenant,
        `p${vectors.length}`,
        vectors[0]!.map((value) => -value),
      ),
    );
    vectors.push(vectors[0]!.map((value) => -value));
    for (const query of [vectors[0]!, vectors.at(-1)!])
      expect(await ask(query, 3)).toEqual(fullScan(vectors, query, 3));
  });

  it('answers concurrent queries of one scope while another instance writes to it', async () => {
    const { tenant, scope, reader, writer } = await twoInstances();
    for (let index = 0; index < 20; index++) {
      await writer.add(preference(tenant, `p${index}`, [1, index / 20]));
    }
    const [newest] = await writer.list({ scope, last: 1 });
    const answers = await Promise.all([
      nearestPreferences(reader, scope),
      writer.add(preference(tenant, 'late', [0, 1])),
      nearestPreferences(reader, scope, [0, 1]),
      writer.delete({ scope, id: newest!.id }),
      nearestPreferences(reader, scope, [0, 1]),
    ]);
    for (const answer of [answers[0], answers[2], answers[4]]) {
      expect(new Set(answer).size).toBe(answer.length);
      expect(answer.length).toBeGreaterThanOrEqual(19);
      expect(answer.length).toBeLessThanOrEqual(21);
    }
    // NOTE: similarity to [0, 1] is index / 20: p19 was deleted, late (1) is best.
    const expected = ['late', ...Array.from({ length: 19 }, (_unused, index) => `p${18 - index}`)];
    expect(await nearestPreferences(reader, scope, [0, 1])).toEqual(expected);
  });
});
