import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ApiKeyStore } from '../spec/index.js';

/** The tenant of the key `tailor serve` creates on first start. */
export const defaultTenant = 'default';

/** What `ensureLocalApiKey` found or did. */
export type LocalApiKey =
  | { readonly kind: 'saved'; readonly secret: string; readonly keyFile: string }
  | { readonly kind: 'created'; readonly secret: string; readonly keyFile: string; readonly id: string }
  | { readonly kind: 'none'; readonly reason: string };

/**
 * The API key a local operator uses, kept in a file beside the data (mode 600), so that `npm start`
 * prints the same UI link every time instead of a new key:
 * - a saved secret that still verifies is reused;
 * - otherwise a new key (tenant `default`) is created when the store has no key yet, or when
 *   `createNew` asks for one, and its secret saved;
 * - otherwise (a shared store whose keys were made elsewhere) nothing is created.
 * Only the secret's hash is in the store; the file is the operator's own copy.
 */
export async function ensureLocalApiKey(options: {
  readonly apiKeys: ApiKeyStore;
  readonly keyFile: string;
  readonly createNew?: boolean;
}): Promise<LocalApiKey> {
  const { apiKeys, keyFile } = options;
  if (options.createNew !== true) {
    const saved = await readFile(keyFile, 'utf8').then(
      (text) => text.trim(),
      () => '',
    );
    if (saved !== '' && (await apiKeys.verify(saved)) !== undefined)
      return { kind: 'saved', secret: saved, keyFile };
    if ((await apiKeys.list()).some((key) => key.revokedAt === null)) {
      return {
        kind: 'none',
        reason: `the store already has API keys and ${keyFile} holds none of them; create one with \`tailor keys create --tenant NAME\` or start with --new-key`,
      };
    }
  }
  const { key, secret } = await apiKeys.create({ tenant: defaultTenant, label: 'created by tailor serve' });
  await mkdir(dirname(keyFile), { recursive: true });
  await writeFile(keyFile, `${secret}\n`, { mode: 0o600 });
  await chmod(keyFile, 0o600);
  return { kind: 'created', secret, keyFile, id: key.id };
}
