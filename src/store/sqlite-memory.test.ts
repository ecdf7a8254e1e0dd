import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeMemoryContract } from './memory.contract.js';
import { SqliteMemory } from './sqlite-memory.js';
import { openSqliteDatabase } from './sqlite-database.js';

const directory = mkdtempSync(join(tmpdir(), 'tailor-sqlite-memory-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describeMemoryContract('SqliteMemory', async () => {
  const database = openSqliteDatabase({ path: join(directory, 'contract.sqlite'), synchronous: 'normal' });
  return { memory: new SqliteMemory(database), close: async () => void database.close() };
});

describe('SqliteMemory', () => {
  it('keeps entries across reopening the file', async () => {
    const path = join(directory, 'reopen.sqlite');
    const scope = { tenant: 't', user: 'u', task: 'email' };
    const first = openSqliteDatabase({ path });
    const added = await new SqliteMemory(first).add({
      scope,
      kind: 'preference',
      embedding: [0.6, 0.8],
      contextId: 'c',
      contextText: 'notes',
      preference: 'brief',
      pair: null,
      origin: 'inferred',
      interactionId: null,
    });
    first.close();
    const second = openSqliteDatabase({ path });
    expect(await new SqliteMemory(second).get({ scope, id: added.id })).toEqual(added);
    second.close();
  });

  it('stores each embedding as 4 bytes a dimension', async () => {
    const database = openSqliteDatabase({ path: join(directory, 'size.sqlite') });
    await new SqliteMemory(database).add({
      scope: { tenant: 't', user: 'u', task: 'email' },
      kind: 'preference',
      embedding: new Array(384).fill(1 / Math.sqrt(384)),
      contextId: null,
      contextText: null,
      preference: 'brief',
      pair: null,
      origin: 'inferred',
      interactionId: null,
    });
    const row = database.prepare('SELECT length(embedding) AS bytes FROM memory_entries').get() as {
      bytes: number;
    };
    expect(row.bytes).toBe(384 * 4);
    database.close();
  });

  it('sees entries added and deleted by another instance on the same file (another process)', async () => {
    const path = join(directory, 'two.sqlite');
    const scope = { tenant: 't', user: 'u', task: 'email' };
    const entry = (preference: string, embedding: number[]) => ({
      scope,
      kind: 'preference' as const,
      embedding,
      contextId: null,
      contextText: null,
      preference,
      pair: null,
      origin: 'inferred' as const,
      interactionId: null,
    });
    const first = openSqliteDatabase({ path });
    const second = openSqliteDatabase({ path });
    const reader = new SqliteMemory(first);
    const writer = new SqliteMemory(second);
    const nearestPreferences = async () =>
      (await reader.nearest({ scope, embedding: [1, 0], k: 3, kind: 'preference' })).map(
        (neighbour) => neighbour.entry.preference,
      );
    const far = await writer.add(entry('far', [0, 1]));
    expect(await nearestPreferences()).toEqual(['far']);
    await writer.add(entry('close', [1, 0]));
    expect(await nearestPreferences()).toEqual(['close', 'far']);
    await writer.delete({ scope, id: far.id });
    expect(await nearestPreferences()).toEqual(['close']);
    first.close();
    second.close();
  });
});
