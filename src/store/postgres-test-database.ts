import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { openPostgresDatabase } from './postgres-database.js';

/** The server the PostgreSQL suites use (`.ci/run` starts one and sets it). */
export const postgresTestUrl = process.env.TAILOR_TEST_POSTGRES_URL;

const skipReason = 'TAILOR_TEST_POSTGRES_URL is not set (`.ci/run` starts a server and sets it)';

/**
 * `describe` for suites that need PostgreSQL: skipped, with the reason in the suite's name and on
 * stderr, when TAILOR_TEST_POSTGRES_URL is unset.
 */
export function describePostgres(name: string, body: (url: string) => void): void {
  if (postgresTestUrl === undefined || postgresTestUrl === '') {
    process.stderr.write(`skipping PostgreSQL suite "${name}": ${skipReason}\n`);
    describe(name, () => {
      it.skip(`skipped: ${skipReason}`, () => undefined);
    });
    return;
  }
  const url = postgresTestUrl;
  describe(name, () => body(url));
}

/**
 * A migrated database in a schema of its own (`tailor_test_<random>`), so concurrent test runs and
 * files never see each other's rows; `close` drops the schema.
 */
export async function openPostgresTestDatabase(url: string) {
  const schema = `tailor_test_${randomBytes(6).toString('hex')}`;
  const database = await openPostgresDatabase({ connectionString: url, schema, maxConnections: 5 });
  return {
    ...database,
    async close(): Promise<void> {
      await database.close();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await admin.end();
      }
    },
  };
}
