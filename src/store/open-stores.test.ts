import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isPostgresUrl, openStores } from './open-stores.js';
import { describePostgres } from './postgres-test-database.js';

const directory = mkdtempSync(join(tmpdir(), 'tailor-open-stores-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('openStores', () => {
  it('opens SQLite for a path, creating its folder, and keeps data across openings', async () => {
    const path = join(directory, 'nested', 'tailor.sqlite');
    const first = await openStores(path);
    expect(first.kind).toBe('sqlite');
    const { secret } = await first.apiKeys.create({ tenant: 'acme' });
    await first.close();
    const second = await openStores(path);
    expect((await second.apiKeys.verify(secret))?.tenant).toBe('acme');
    await second.close();
  });

  it('recognises PostgreSQL URLs', () => {
    expect(isPostgresUrl('postgres://u@h/db')).toBe(true);
    expect(isPostgresUrl('postgresql://u@h/db')).toBe(true);
    expect(isPostgresUrl('./postgres.sqlite')).toBe(false);
  });
});

describePostgres('openStores on PostgreSQL', (url) => {
  it('shares one schema between two openings (two servers) and masks the password', async () => {
    const schema = `tailor_test_open_${process.pid}`;
    const withPassword = url.replace('://', '://tailor:hunter2@');
    const first = await openStores(withPassword, { schema });
    const second = await openStores(url, { schema });
    try {
      expect(first.location).not.toContain('hunter2');
      const { secret } = await first.apiKeys.create({ tenant: 'acme' });
      expect((await second.apiKeys.verify(secret))?.tenant).toBe('acme');
    } finally {
      await first.close();
      await second.close();
      const { default: pg } = await import('pg');
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    }
  });
});
