import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { InMemoryInteractionStore } from './in-memory-interaction-store.js';
import { describeInteractionStoreContract } from './interaction-store.contract.js';
import { PostgresInteractionStore } from './postgres-interaction-store.js';
import { openPostgresDatabase } from './postgres-database.js';
import { describePostgres, openPostgresTestDatabase } from './postgres-test-database.js';
import { openSqliteDatabase } from './sqlite-database.js';
import { SqliteInteractionStore } from './sqlite-interaction-store.js';

describeInteractionStoreContract('InMemoryInteractionStore', async () => ({
  store: new InMemoryInteractionStore(),
  close: async () => {},
}));

const directory = mkdtempSync(join(tmpdir(), 'tailor-interactions-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describeInteractionStoreContract('SqliteInteractionStore', async () => {
  const database = openSqliteDatabase({ path: join(directory, 'contract.sqlite'), synchronous: 'normal' });
  return { store: new SqliteInteractionStore(database), close: async () => void database.close() };
});

describePostgres('PostgresInteractionStore', (url) => {
  const opened = openPostgresTestDatabase(url);
  afterAll(async () => (await opened).close());
  describeInteractionStoreContract('PostgresInteractionStore', async () => ({
    store: new PostgresInteractionStore((await opened).pool),
    close: async () => {},
  }));

  it('never hands one pending edit to two servers claiming at once (FOR UPDATE SKIP LOCKED)', async () => {
    const first = await opened;
    const second = await openPostgresDatabase({
      connectionString: url,
      schema: first.schema,
      maxConnections: 5,
    });
    try {
      const servers = [new PostgresInteractionStore(first.pool), new PostgresInteractionStore(second.pool)];
      const tenant = `tenant-${randomUUID()}`;
      const ids: string[] = [];
      for (let index = 0; index < 60; index += 1) {
        const created = await servers[0]!.create({
          tenant: `${tenant}-${index % 3}`,
          user: 'ada',
          task: { kind: 'email' },
          contextId: null,
          contextText: 'notes',
          embedding: null,
          output: 'draft',
          preferenceUsed: null,
          neighbours: [],
          learner: 'cipher-5',
        });
        await servers[0]!.recordEdit({ tenant: created.tenant, id: created.id, edited: 'e', cost: 1 });
        ids.push(created.id);
      }
      const now = new Date(Date.now() + 1_000).toISOString();
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_unused, index) =>
          servers[index % 2]!.claimPending({
            limit: 10,
            lease: { owner: `server-${index % 2}-pass-${index}`, until: '2999-01-01T00:00:00.000Z' },
            now,
          }),
        ),
      );
      const claimed = claims.flat().filter((interaction) => interaction.tenant.startsWith(tenant));
      const claimedIds = claimed.map((interaction) => interaction.id);
      expect(new Set(claimedIds).size).toBe(claimedIds.length);
      expect(claimedIds.length).toBeGreaterThan(10);
      const leftover = await servers[1]!.claimPending({
        limit: 1_000,
        lease: { owner: 'late', until: '2999-01-01T00:00:00.000Z' },
        now,
      });
      const all = [
        ...claimedIds,
        ...leftover
          .filter((interaction) => interaction.tenant.startsWith(tenant))
          .map((interaction) => interaction.id),
      ];
      expect(all.sort()).toEqual([...ids].sort());
    } finally {
      await second.close();
    }
  });
});
