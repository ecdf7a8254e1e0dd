import { createHash, randomBytes } from 'node:crypto';

/** Prefix of every secret, so a leaked key is recognisable (e.g. by secret scanners). */
export const apiKeySecretPrefix = 'tailor_sk_';

/**
 * A new secret: 32 random bytes (256 bits) in base64url after the prefix.
 *
 * NOTE: secrets are stored as their SHA-256 only. A slow password hash (scrypt, argon2) protects
 * low-entropy passwords against guessing; a 256-bit random secret cannot be guessed, so one SHA-256
 * is enough to make a stolen database useless for authenticating, and it keeps every request's check
 * to one indexed lookup.
 */
export function newApiKeySecret(): string {
  return `${apiKeySecretPrefix}${randomBytes(32).toString('base64url')}`;
}

/** The stored form of a secret: lowercase hex SHA-256. */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A new key id: short, public, shown by `tailor keys list` and used by `tailor keys revoke`. */
export function newApiKeyId(): string {
  return `key_${randomBytes(8).toString('hex')}`;
}
