/** A stored API key, without its secret. */
export interface ApiKey {
  readonly id: string;
  readonly tenant: string;
  readonly label: string | null;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/**
 * API keys, stored hashed: the secret is returned once by `create` and never again.
 * Implementations live in `src/store/` beside the Memory stores and pass one contract suite.
 */
export interface ApiKeyStore {
  create(options: {
    readonly tenant: string;
    readonly label?: string;
  }): Promise<{ readonly key: ApiKey; readonly secret: string }>;
  /** The key's record when the secret is valid and not revoked; undefined otherwise. */
  verify(secret: string): Promise<ApiKey | undefined>;
  /** Returns false when no such key exists. */
  revoke(id: string): Promise<boolean>;
  list(options?: { readonly tenant?: string }): Promise<ApiKey[]>;
}
