/** FNV-1a 32-bit hash of a string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * The offline writer's imperfection: whether it fails to apply one requirement to one context.
 * Deterministic in (seed, context id, requirement key): the same seed gives the same misses in
 * every run and for every learner, so learners are compared on equal terms; a different seed
 * moves them. The miss happens with probability `missRate` (the hash, mixed once more, as a
 * fraction of 2^32).
 */
export function isMissed(options: {
  readonly seed: number;
  readonly contextId: string;
  readonly requirement: string;
  readonly missRate: number;
}): boolean {
  if (options.missRate <= 0) return false;
  const mixed = fnv1a(`${options.seed}\u0000${options.contextId}\u0000${options.requirement}`);
  const spread = Math.imul(mixed ^ (mixed >>> 16), 0x45d9f3b) >>> 0;
  return (spread ^ (spread >>> 16)) >>> 0 < options.missRate * 2 ** 32;
}
