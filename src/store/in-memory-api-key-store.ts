import type { ApiKey, ApiKeyStore } from '../spec/index.js';
import { hashApiKeySecret, newApiKeyId, newApiKeySecret } from './api-key-secret.js';
import { checkTexts } from './text-hygiene.js';

/** `ApiKeyStore` held in process memory, for tests: like the SQL stores, it keeps only hashes. */
export class InMemoryApiKeyStore implements ApiKeyStore {
  private readonly keys = new Map<string, { key: ApiKey; secretHash: string }>();

  async create(options: {
    readonly tenant: string;
    readonly label?: string;
  }): Promise<{ readonly key: ApiKey; readonly secret: string }> {
    checkTexts({ tenant: options.tenant, label: options.label });
    const secret = newApiKeySecret();
    const key: ApiKey = {
      id: newApiKeyId(),
      tenant: options.tenant,
      label: options.label ?? null,
      createdAt: new Date().toISOString(),
      revokedAt: null,
    };
    this.keys.set(key.id, { key, secretHash: hashApiKeySecret(secret) });
    return { key: { ...key }, secret };
  }

  async verify(secret: string): Promise<ApiKey | undefined> {
    const secretHash = hashApiKeySecret(secret);
    for (const stored of this.keys.values()) {
      if (stored.secretHash === secretHash && stored.key.revokedAt === null) return { ...stored.key };
    }
    return undefined;
  }

  async revoke(id: string): Promise<boolean> {
    checkTexts({ id });
    const stored = this.keys.get(id);
    if (stored === undefined) return false;
    if (stored.key.revokedAt === null) {
      stored.key = { ...stored.key, revokedAt: new Date().toISOString() };
    }
    return true;
  }

  async list(options?: { readonly tenant?: string }): Promise<ApiKey[]> {
    checkTexts({ tenant: options?.tenant });
    return [...this.keys.values()]
      .map((stored) => ({ ...stored.key }))
      .filter((key) => options?.tenant === undefined || key.tenant === options.tenant);
  }
}
