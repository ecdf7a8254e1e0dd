import type { Command } from 'commander';
import { InvalidInputError, NotFoundError } from '../../spec/index.js';
import { openStores } from '../../store/open-stores.js';
import { defaultSqlitePath } from '../../store/sqlite-database.js';

interface StoreFlags {
  store: string;
  schema?: string;
}

async function withStores<T>(
  flags: StoreFlags,
  work: (stores: Awaited<ReturnType<typeof openStores>>) => Promise<T>,
) {
  const stores = await openStores(flags.store, { schema: flags.schema });
  try {
    return await work(stores);
  } finally {
    await stores.close();
  }
}

/**
 * `tailor keys create --tenant NAME` (prints the secret once), `tailor keys list`, `tailor keys revoke
 * ID`. Keys are stored hashed: a lost secret cannot be shown again, only replaced.
 */
export function registerKeysCommand(program: Command): void {
  const keys = program
    .command('keys')
    .description('Manage the API keys of the service')
    .addHelpText(
      'after',
      `
Examples:
  $ tailor keys create --tenant acme --label "writing app"   # prints the secret once
  $ tailor keys list --tenant acme
  $ tailor keys revoke <key id>
  $ tailor keys create --tenant acme --store postgres://tailor@db:5432/tailor`,
    );
  const storeOptions = (command: Command) =>
    command
      .option(
        '--store <location>',
        'SQLite file or postgres:// URL',
        process.env.TAILOR_STORE ?? defaultSqlitePath,
      )
      .option('--schema <name>', 'PostgreSQL schema (default tailor)');

  storeOptions(keys.command('create'))
    .description('Create a key for a tenant and print its secret (shown only this once)')
    .requiredOption('--tenant <name>', 'the tenant the key gives access to')
    .option('--label <text>', 'a note to recognise the key by')
    .action(async (flags: StoreFlags & { tenant: string; label?: string }) => {
      if (!/^[\w.@-]{1,100}$/.test(flags.tenant)) {
        throw new InvalidInputError({
          field: '--tenant',
          value: flags.tenant,
          accepted: '1 to 100 letters, digits, and . _ @ -',
        });
      }
      await withStores(flags, async (stores) => {
        const { key, secret } = await stores.apiKeys.create({ tenant: flags.tenant, label: flags.label });
        process.stdout.write(`${secret}\n`);
        process.stderr.write(
          `created key ${key.id} for tenant "${key.tenant}"; the secret above is not shown again\n`,
        );
      });
    });

  storeOptions(keys.command('list'))
    .description('List keys (never their secrets)')
    .option('--tenant <name>', 'only this tenant')
    .action(async (flags: StoreFlags & { tenant?: string }) => {
      await withStores(flags, async (stores) => {
        const listed = await stores.apiKeys.list({ tenant: flags.tenant });
        const rows = listed.map((key) =>
          [
            key.id,
            key.tenant,
            key.revokedAt === null ? 'active' : `revoked ${key.revokedAt}`,
            key.createdAt,
            key.label ?? '',
          ].join('\t'),
        );
        process.stdout.write(['id\ttenant\tstatus\tcreated\tlabel', ...rows].join('\n') + '\n');
      });
    });

  storeOptions(keys.command('revoke'))
    .description('Revoke a key: requests with it are refused from now on')
    .argument('<id>', 'the key id (see `tailor keys list`)')
    .action(async (id: string, flags: StoreFlags) => {
      await withStores(flags, async (stores) => {
        if (!(await stores.apiKeys.revoke(id))) throw new NotFoundError({ entity: 'API key', id });
        process.stdout.write(`revoked ${id}\n`);
      });
    });
}
