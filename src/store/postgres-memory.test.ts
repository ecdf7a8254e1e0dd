import { afterAll, expect, it } from 'vitest';
import { describeMemoryContract } from './memory.contract.js';
import { PostgresMemory } from './postgres-memory.js';
import { describePostgres, openPostgresTestDatabase } from './postgres-test-database.js';

describePostgres('PostgresMemory', (url) => {
  const opened = openPostgresTestDatabase(url);
  afterAll(async () => (await opened).close());

  describeMemoryContract('PostgresMemory', async () => ({
    memory: new PostgresMemory((await opened).pool),
    close: async () => {},
  }));

  it('stores each embedding as 4 bytes a dimension', async () => {
    const { pool } = await opened;
    const added = await new PostgresMemory(pool).add({
      scope: { tenant: 'size', user: 'u', task: 'email' },
      kind: 'preference',
      embedding: new Array(384).fill(1 / Math.sqrt(384)),
      contextId: null,
      contextText: null,
      preference: 'brief',
      pair: null,
      origin: 'inferred',
      interactionId: null,
    });
    const result = await pool.query(
      'SELECT octet_length(embedding) AS bytes FROM memory_entries WHERE id = $1',
      [added.id],
    );
    expect(result.rows[0]).toEqual({ bytes: 384 * 4 });
  });
});
