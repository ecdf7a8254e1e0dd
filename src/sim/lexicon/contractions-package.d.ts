/** The part of the untyped `contractions` package (Apache-2.0) the offline world reads: its table. */
declare module 'contractions/lib/word-lookup.js' {
  /** Contraction (lower case, straight apostrophe) → expansion, e.g. `"don't": 'do not'`. */
  const wordLookup: Readonly<Record<string, string>>;
  export default wordLookup;
}
