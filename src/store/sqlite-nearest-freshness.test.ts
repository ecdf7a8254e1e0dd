import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { NewMemoryEntry } from '../spec/index.js';
import { openSqliteDatabase } from './sqlite-database.js';
import { SqliteMemory } from './sqlite-memory.js';

const directory = mkdtempSync(join(tmpdir(), 'tailor-sqlite-freshness-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const scope = { tenant: 't', user: 'u', task: 'email' };

function entry(preference: string, embedding: number[]): NewMemoryEntry {
  return {
    scope,
    kind: 'preference',
    embedding,
    contextId: null,
    contextText: null,
    preference,
    pair: null,
    origin: 'inferred',
    interactionId: null,
  };
}

describe('SqliteMemory nearest without a probe (nothing written since the last check)', () => {
  it('sees writes of another instance on the same connection, and plain SQL deletes', async () => {
    const database = openSqliteDatabase({
      path: join(directory, 'one-connection.sqlite'),
      synchronous: 'normal',
    });
    const reader = new SqliteMemory(database);
    const writer = new SqliteMemory(database);
    const preferences = async () =>
      (await reader.nearest({ scope, embedding: [1, 0], k: 3, kind: 'preference' })).map(
        (neighbour) => neighbour.entry.preference,
      );
    await writer.add(entry('far', [0, 1]));
    expect(await preferences()).toEqual(['far']);
    expect(await preferences()).toEqual(['far']);
    const close = await writer.add(entry('close', [1, 0]));
    expect(await preferences()).toEqual(['close', 'far']);
    database.prepare('DELETE FROM memory_entries WHERE id = ?').run(close.id);
    expect(await preferences()).toEqual(['far']);
    await writer.forget({ tenant: scope.tenant, user: scope.user });
    expect(await preferences()).toEqual([]);
    database.close();
  });
});
