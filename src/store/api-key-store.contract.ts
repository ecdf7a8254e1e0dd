import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiKeyStore } from '../spec/index.js';
import { InvalidInputError } from '../spec/index.js';
import type { StoreFactory } from './store-factory.js';
import { randomTenant } from './store-factory.js';

/**
 * What every `ApiKeyStore` does (in-memory, SQLite, PostgreSQL), one test per behaviour.
 *
 * @example
 * describeApiKeyStoreContract('InMemoryApiKeyStore', () => new InMemoryApiKeyStore());
 */
export function describeApiKeyStoreContract(name: string, create: StoreFactory<ApiKeyStore>): void {
  describe(`ApiKeyStore contract: ${name}`, () => {
    let store: ApiKeyStore, tenant: string;
    beforeEach(async () => void ([store, tenant] = [await create(), randomTenant()]));

    it('returns a high-entropy secret once and verifies it to the key', async () => {
      const { key, secret } = await store.create({ tenant, label: 'ci' });
      expect(key).toMatchObject({ tenant, label: 'ci', revokedAt: null });
      expect(secret.length).toBeGreaterThanOrEqual(40);
      expect(await store.verify(secret)).toEqual(key);
      const second = await store.create({ tenant });
      expect(second.secret).not.toBe(secret);
      expect(second.key.id).not.toBe(key.id);
      expect(second.key.label).toBeNull();
    });

    it('never lists or returns the secret', async () => {
      const { secret } = await store.create({ tenant });
      const listed = await store.list({ tenant });
      expect(JSON.stringify(listed)).not.toContain(secret);
    });

    it('rejects unknown, altered and empty secrets', async () => {
      const { secret } = await store.create({ tenant });
      expect(await store.verify(`${secret}x`)).toBeUndefined();
      expect(await store.verify(secret.slice(0, -1))).toBeUndefined();
      expect(await store.verify('')).toBeUndefined();
    });

    it('revokes a key for good, and reports unknown ids', async () => {
      const { key, secret } = await store.create({ tenant });
      const other = await store.create({ tenant });
      expect(await store.revoke(key.id)).toBe(true);
      expect(await store.verify(secret)).toBeUndefined();
      expect(await store.verify(other.secret)).toEqual(other.key);
      const [listed] = (await store.list({ tenant })).filter((candidate) => candidate.id === key.id);
      expect(Number.isNaN(Date.parse(listed?.revokedAt ?? ''))).toBe(false);
      expect(await store.revoke(key.id)).toBe(true);
      expect(await store.revoke('key_unknown')).toBe(false);
    });

    it('refuses NUL and unpaired surrogates in a tenant or label, naming the field', async () => {
      for (const [options, field] of [
        [{ tenant: `${tenant}\u0000` }, 'tenant'],
        [{ tenant, label: 'x\uD800' }, 'label'],
      ] as const) {
        const error = await store.create(options).then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
        expect(InvalidInputError.isInstance(error), String(error)).toBe(true);
        expect((error as InvalidInputError).field).toBe(field);
      }
      expect(await store.list({ tenant })).toEqual([]);
      expect(await store.verify('tailor_sk_\u0000')).toBeUndefined();
    });

    it('lists keys by tenant', async () => {
      const a = await store.create({ tenant, label: 'a' });
      const b = await store.create({ tenant, label: 'b' });
      const c = await store.create({ tenant: `${tenant}-other` });
      expect((await store.list({ tenant })).map((key) => key.id).sort()).toEqual([a.key.id, b.key.id].sort());
      const all = (await store.list()).map((key) => key.id);
      expect(all).toEqual(expect.arrayContaining([a.key.id, b.key.id, c.key.id]));
    });
  });
}
