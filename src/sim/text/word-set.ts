/**
 * A set of words written as one space-separated string, the way the offline world lists its word
 * classes ("a an the this").
 *
 * @example
 * wordSet('and but or').has('but'); // true
 */
export function wordSet(words: string): Set<string> {
  return new Set(words.split(' '));
}
