/** The part of the untyped `stopword` package (MIT) the offline world reads: its English list. */
declare module 'stopword' {
  /** English stop words, lower case. */
  export const eng: readonly string[];
}
