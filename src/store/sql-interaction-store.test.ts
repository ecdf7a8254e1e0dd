import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { SqlInteractionStore } from './sql-interaction-store.js';
import { describeSqlDatabases } from './sql-test-databases.js';
import { newInteraction } from './test-entries.js';

describeSqlDatabases('SqlInteractionStore', (databases) => {
  it('never hands one pending edit to two servers claiming at once (SKIP LOCKED on PostgreSQL, the write lock on SQLite)', async () => {
    // NOTE: two servers on PostgreSQL; on SQLite two stores on the process's one connection (another
    // process would wait for the write lock).
    const second = databases.dialect === 'postgres' ? await databases.another() : undefined;
    try {
      const first = await databases.shared();
      const servers = [new SqlInteractionStore(first), new SqlInteractionStore(second ?? first)];
      const tenant = `tenant-${randomUUID()}`;
      const ids: string[] = [];
      for (let index = 0; index < 60; index += 1) {
        const created = await servers[0]!.create(newInteraction(`${tenant}-${index % 3}`));
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
      await second?.close();
    }
  });
});
