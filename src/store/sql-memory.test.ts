import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { NewMemoryEntry } from '../spec/index.js';
import { describeMemoryContract } from './memory.contract.js';
import { SqlMemory } from './sql-memory.js';
import { describeSqlDatabases } from './sql-test-databases.js';

function preference(tenant: string, text: string, embedding: number[]): NewMemoryEntry {
  return {
    scope: { tenant, user: 'u', task: 'email' },
    kind: 'preference',
    embedding,
    contextId: null,
    contextText: null,
    preference: text,
    pair: null,
    origin: 'inferred',
    interactionId: null,
  };
}

describeSqlDatabases('SqlMemory', (databases) => {
  describeMemoryContract(`SqlMemory (${databases.dialect})`, async () => ({
    memory: new SqlMemory(await databases.shared()),
    close: async () => {},
  }));

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
      const nearest = async () =>
        (await reader.nearest({ scope, embedding: [1, 0], k: 3, kind: 'preference' })).map(
          (neighbour) => neighbour.entry.preference,
        );
      const far = await writer.add(preference(tenant, 'far', [0, 1]));
      expect(await nearest()).toEqual(['far']);
      await writer.add(preference(tenant, 'close', [1, 0]));
      expect(await nearest()).toEqual(['close', 'far']);
      await writer.delete({ scope, id: far.id });
      expect(await nearest()).toEqual(['close']);
    } finally {
      await other.close();
    }
  });

  it('sees writes of another instance on the same connection and plain SQL deletes', async () => {
    const database = await databases.shared();
    const tenant = randomUUID();
    const scope = { tenant, user: 'u', task: 'email' };
    const reader = new SqlMemory(database);
    const writer = new SqlMemory(database);
    const nearest = async () =>
      (await reader.nearest({ scope, embedding: [1, 0], k: 3, kind: 'preference' })).map(
        (neighbour) => neighbour.entry.preference,
      );
    await writer.add(preference(tenant, 'far', [0, 1]));
    expect(await nearest()).toEqual(['far']);
    expect(await nearest()).toEqual(['far']);
    const close = await writer.add(preference(tenant, 'close', [1, 0]));
    expect(await nearest()).toEqual(['close', 'far']);
    await database.queries.deleteFrom('memory_entries').where('id', '=', close.id).execute();
    expect(await nearest()).toEqual(['far']);
    await writer.forget({ tenant, user: 'u' });
    expect(await nearest()).toEqual([]);
  });

  it('answers concurrent queries of one scope while another instance writes to it', async () => {
    const database = await databases.shared();
    const tenant = randomUUID();
    const scope = { tenant, user: 'u', task: 'email' };
    const reader = new SqlMemory(database);
    const writer = new SqlMemory(database);
    for (let index = 0; index < 20; index++)
      await writer.add(preference(tenant, `p${index}`, [1, index / 20]));
    const answers = await Promise.all([
      reader.nearest({ scope, embedding: [1, 0], k: 25, kind: 'preference' }),
      writer.add(preference(tenant, 'late', [0, 1])),
      reader.nearest({ scope, embedding: [0, 1], k: 25, kind: 'preference' }),
      writer.delete({ scope, id: (await writer.list({ scope, last: 1 }))[0]!.id }),
      reader.nearest({ scope, embedding: [0, 1], k: 25, kind: 'preference' }),
    ]);
    for (const answer of [answers[0], answers[2], answers[4]]) {
      const ids = answer.map((neighbour) => neighbour.entry.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBeGreaterThanOrEqual(19);
      expect(ids.length).toBeLessThanOrEqual(21);
    }
    const after = await reader.nearest({ scope, embedding: [0, 1], k: 25, kind: 'preference' });
    expect(after.map((neighbour) => neighbour.entry.preference)).toEqual(
      (await writer.list({ scope }))
        .map((entry) => entry.preference)
        .sort((left, right) =>
          left === 'late' ? -1 : right === 'late' ? 1 : Number(right!.slice(1)) - Number(left!.slice(1)),
        ),
    );
  });
});
