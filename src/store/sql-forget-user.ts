import type { SqlQueries } from './sql-schema.js';
import { checkTexts } from './text-hygiene.js';

/** Deletes every row of one user of one tenant from `table` (a store's `forget`); returns how many. */
export async function forgetUser(
  queries: SqlQueries,
  table: 'memory_entries' | 'interactions',
  options: { readonly tenant: string; readonly user: string },
): Promise<number> {
  checkTexts({ tenant: options.tenant, user: options.user });
  const { numDeletedRows } = await queries
    .deleteFrom(table)
    .where('tenant', '=', options.tenant)
    .where('user_id', '=', options.user)
    .executeTakeFirst();
  return Number(numDeletedRows);
}
