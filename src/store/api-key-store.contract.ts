import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKeyStore } from '../spec/index.js';
import { InvalidInputError } from '../spec/index.js';

/** What a contract run needs from an implementation: a store and a way to release it. */
export type ApiKeyStoreFactory = () => Promise<{ store: ApiKeyStore; close(): Promise<void> }>;

/**
 * The behaviour every `ApiKeyStore` passes (in-memory, SQLite, PostgreSQL). Tenants carry a random
 * suffix, so a store backed by a shared database may be reused across tests.
 *
 * @example
 * describeApiKeyStoreContract('InMemoryApiKeyStore', async () => ({
 *   store: new InMemoryApiKeyStore(), close: async () => {},
 * }));
 */
export function describeApiKeyStoreContract(name: string, create: ApiKeyStoreFactory): void {
  describe(`ApiKeyStore contract: ${name}`, () => {
    let store: ApiKeyStore;
    let close: () => Promise<void>;
    let tenant: string;

    beforeEach(async () => {
      const created = await create();
      store = created.store;
      close = () => created.close();
      tenant = `tenant-${randomUUID()}`;
    });
    afterEach(async () => close());

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
