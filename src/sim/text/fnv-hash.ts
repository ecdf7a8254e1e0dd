/**
 * FNV-1a hash of a string (32 bits, unsigned): a cheap, deterministic way to choose among wordings
 * from the text itself, so that different documents read differently and one document always the same.
 *
 * @example
 * fnvHash('Tamm River') % 3; // the same variant on every run
 */
export function fnvHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1)
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}
