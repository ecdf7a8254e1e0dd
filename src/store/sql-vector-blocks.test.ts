import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { MemoryScope } from '../spec/index.js';
import { encodeEmbedding } from './embedding-codec.js';
import type { SqlDatabase } from './sql-dialect.js';
import { SqlMemory } from './sql-memory.js';
import { migrate } from './sql-migrator.js';
import { describeSqlDatabases } from './sql-test-databases.js';
import { blockRows } from './sql-vector-blocks.js';
import { preferenceEntry } from './test-entries.js';
import { fullScan, insertPreferenceRows, seededRandom, seededVectors } from './test-seeded-vectors.js';

const dimension = 24;
const otherScope: MemoryScope = { tenant: 'other', user: 'u', task: 'email' };

/** A scope of its own with `count` seeded random vectors (two near-duplicates in every 50), added in bulk. */
async function seeded(database: SqlDatabase, count: number) {
  const scope: MemoryScope = { tenant: randomUUID(), user: 'u', task: 'email' };
  const random = seededRandom(11);
  const vectors = seededVectors(count, dimension, random);
  await insertPreferenceRows(database, scope, vectors);
  const ask = async (memory: SqlMemory, query: readonly number[], k: number) =>
    (await memory.nearest({ scope, embedding: query, k, kind: 'preference' })).map(
      (neighbour) => neighbour.entry.preference,
    );
  const queries = [vectors[0]!, vectors[1_234]!, Array.from({ length: dimension }, random)];
  /** The scope's blocks as (rows, after, last), oldest first. */
  const blocks = async () =>
    (
      await database.queries
        .selectFrom('memory_vector_blocks')
        .select(['row_count', 'after_sequence', 'last_sequence'])
        .where('tenant', '=', scope.tenant)
        .orderBy('last_sequence')
        .execute()
    ).map((row) => ({
      rows: row.row_count,
      after: Number(row.after_sequence),
      last: Number(row.last_sequence),
    }));
  return {
    scope,
    vectors,
    fullScan: (query: readonly number[], k: number, gone?: ReadonlySet<string>) =>
      fullScan(vectors, query, k, gone),
    ask,
    queries,
    blocks,
  };
}

describeSqlDatabases('SqlMemory vector blocks', (databases) => {
  it('writes a large scope as blocks on its first load, and a fresh instance answers from them as a full scan', async () => {
    const database = await databases.shared();
    const { fullScan, ask, queries, blocks } = await seeded(database, blockRows + 600);
    expect(await blocks()).toEqual([]);
    expect(await ask(new SqlMemory(database), queries[0]!, 5)).toEqual(fullScan(queries[0]!, 5));
    const written = await blocks();
    expect(written.map((block) => block.rows)).toEqual([blockRows, 600]);
    expect(written[1]!.after).toBe(written[0]!.last);
    const fresh = new SqlMemory(database);
    for (const query of queries) expect(await ask(fresh, query, 10)).toEqual(fullScan(query, 10));
  });

  it('never answers from a block holding a deleted row: the delete drops the block, the next load writes its rows again', async () => {
    const database = await databases.shared();
    const { scope, fullScan, ask, queries, blocks } = await seeded(database, blockRows + 600);
    const writer = new SqlMemory(database);
    await ask(writer, queries[0]!, 5);
    const [first, second] = await blocks();
    // NOTE: p1234 (in the first block) is the best answer to queries[1].
    const [entry] = (await writer.list({ scope })).filter((found) => found.preference === 'p1234');
    await writer.delete({ scope, id: entry!.id });
    expect(await blocks()).toEqual([second]);
    const gone = new Set(['p1234']);
    for (const query of queries)
      expect(await ask(new SqlMemory(database), query, 10)).toEqual(fullScan(query, 10, gone));
    expect(await blocks()).toEqual([{ ...first, rows: blockRows - 1 }, second]);
    // NOTE: a delete by plain SQL (another program) too: a trigger, not the store, keeps blocks true.
    await database.queries.deleteFrom('memory_entries').where('preference', '=', 'p4500').execute();
    expect(await blocks()).toEqual([{ ...first, rows: blockRows - 1 }]);
    gone.add('p4500');
    for (const query of queries)
      expect(await ask(new SqlMemory(database), query, 10)).toEqual(fullScan(query, 10, gone));
    // NOTE: the last block, no longer full, is written again with the rows after it.
    expect((await blocks()).map((block) => block.rows)).toEqual([blockRows, 598]);
  });

  it('never answers from blocks missing a row committed late below their newest sequence', async () => {
    const database = await databases.shared();
    // NOTE: a sequence below the scope's rows that no row holds, inside the first block's range:
    // a row committed there after the block was written is not in it, and the count check finds that.
    const memory = new SqlMemory(database);
    const throwaway = await memory.add({ ...preferenceEntry(otherScope, 'gone', [1]) });
    await memory.delete({ scope: otherScope, id: throwaway.id });
    const free = throwaway.sequence;
    const { scope, fullScan, ask, queries, blocks } = await seeded(database, blockRows + 600);
    await ask(new SqlMemory(database), queries[0]!, 5);
    const [first] = await blocks();
    expect(free).toBeGreaterThan(first!.after);
    const now = new Date().toISOString();
    const override = database.dialect.name === 'postgres' ? sql`OVERRIDING SYSTEM VALUE` : sql``;
    await sql`INSERT INTO memory_entries (sequence, id, tenant, user_id, task, kind, dimension, preference,
        origin, created_at, updated_at, embedding) ${override}
      VALUES (${free}, ${randomUUID()}, ${scope.tenant}, 'u', 'email', 'preference', ${dimension}, 'late',
        'inferred', ${now}, ${now}, ${encodeEmbedding(queries[2]!.map((value) => value * 100))})`.execute(
      database.queries,
    );
    const answer = await ask(new SqlMemory(database), queries[2]!, 3);
    expect(answer).toEqual(['late', ...fullScan(queries[2]!, 2)]);
  });

  it('writes rows appended after the blocks as blocks once there are enough, merged with a last block not full', async () => {
    const database = await databases.shared();
    const { scope, fullScan, ask, queries, blocks } = await seeded(database, blockRows + 100);
    const reader = new SqlMemory(database);
    await ask(reader, queries[0]!, 5);
    expect((await blocks()).map((block) => block.rows)).toEqual([blockRows, 100]);
    const writer = new SqlMemory(database);
    const twice = queries[1]!.map((value) => value * 2);
    for (let index = 0; index < 300; index++)
      await writer.add(preferenceEntry(scope, `added ${index}`, twice));
    await ask(reader, queries[0]!, 5);
    expect((await blocks()).map((block) => block.rows)).toEqual([blockRows, 400]);
    const fresh = new SqlMemory(database);
    expect(await ask(fresh, queries[0]!, 10)).toEqual(fullScan(queries[0]!, 10));
    // NOTE: 300 equal best answers: ties go to the oldest.
    expect(await ask(fresh, queries[1]!, 10)).toEqual(
      Array.from({ length: 10 }, (_unused, index) => `added ${index}`),
    );
  });

  it('upgrades a database at schema version 3: its large scopes get blocks on their next load', async () => {
    const database = await databases.shared();
    // NOTE: the schema as version 3 left it: what version 4 adds removed, its step not recorded.
    await database.dialect.writeTransaction(async (transaction) => {
      if (database.dialect.name === 'postgres') {
        await sql`DROP TRIGGER memory_entries_deleted_blocks ON memory_entries`.execute(transaction);
        await sql`DROP FUNCTION memory_entries_deleted_blocks()`.execute(transaction);
      } else await sql`DROP TRIGGER memory_entries_deleted_blocks`.execute(transaction);
      await sql`DROP TABLE memory_vector_blocks`.execute(transaction);
      await transaction.deleteFrom('migrations').where('version', '=', 4).execute();
    });
    const { fullScan, ask, queries, blocks } = await seeded(database, blockRows + 600);
    expect(await migrate(database)).toEqual([4]);
    expect(await ask(new SqlMemory(database), queries[0]!, 5)).toEqual(fullScan(queries[0]!, 5));
    expect((await blocks()).map((block) => block.rows)).toEqual([blockRows, 600]);
    expect(await ask(new SqlMemory(database), queries[1]!, 5)).toEqual(fullScan(queries[1]!, 5));
  });
});
