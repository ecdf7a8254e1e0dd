import { distance } from 'fastest-levenshtein';
import { wordTokenize } from './word-tokenize.js';

/**
 * How many distinct tokens the code-unit trick can encode: one per UTF-16 code unit. fastest-levenshtein
 * reads strings with `charCodeAt` and indexes a 65,536-entry table with the result, so every code unit,
 * lone surrogates included, is a valid symbol.
 */
const codeUnitCount = 0x10000;
/** `String.fromCharCode` takes its codes as arguments; stay far below engines' argument limits. */
const chunkSize = 8192;

/** The string whose code units are `codes` (each below 65,536). */
function toCodeUnits(codes: readonly number[]): string {
  if (codes.length <= chunkSize) return String.fromCharCode.apply(null, codes as number[]);
  let text = '';
  for (let start = 0; start < codes.length; start += chunkSize) {
    text += String.fromCharCode.apply(null, codes.slice(start, start + chunkSize));
  }
  return text;
}

/** Replaces each token by its number in `ids`, numbering new tokens in order of first appearance. */
function numberTokens(tokens: readonly string[], ids: Map<string, number>): number[] {
  const numbers = new Array<number>(tokens.length);
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as string;
    let id = ids.get(token);
    if (id === undefined) {
      id = ids.size;
      ids.set(token, id);
    }
    numbers[index] = id;
  }
  return numbers;
}

/** Plain dynamic programme over two rows; used when there are too many distinct tokens to encode. */
function dynamicProgrammeDistance(a: readonly number[], b: readonly number[]): number {
  if (a.length < b.length) return dynamicProgrammeDistance(b, a);
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let column = 0; column <= b.length; column += 1) previous[column] = column;
  for (let row = 1; row <= a.length; row += 1) {
    current[0] = row;
    const symbol = a[row - 1];
    for (let column = 1; column <= b.length; column += 1) {
      const substitution = (previous[column - 1] as number) + (symbol === b[column - 1] ? 0 : 1);
      const deletion = (previous[column] as number) + 1;
      const insertion = (current[column - 1] as number) + 1;
      current[column] = Math.min(substitution, deletion, insertion);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}

/**
 * Levenshtein distance between two token sequences with unit costs: the fewest token insertions,
 * deletions and substitutions turning `a` into `b`. Tokens are compared with `===`.
 *
 * NOTE: each distinct token is mapped to one UTF-16 code unit and the two resulting strings are handed
 * to fastest-levenshtein (Myers' bit-parallel algorithm), which is many times faster than a dynamic
 * programme. The trick holds for up to 65,536 distinct tokens across both sequences; beyond that a
 * plain O(|a|·|b|) dynamic programme answers instead.
 *
 * @example
 * tokenEditDistance(['a', 'b', 'c'], ['a', 'c', 'd']); // 2
 */
export function tokenEditDistance(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const ids = new Map<string, number>();
  const numbersA = numberTokens(a, ids);
  const numbersB = numberTokens(b, ids);
  if (ids.size > codeUnitCount) return dynamicProgrammeDistance(numbersA, numbersB);
  return distance(toCodeUnits(numbersA), toCodeUnits(numbersB));
}

/**
 * The paper's user-effort cost: Levenshtein distance over word tokens (`wordTokenize`, NLTK's
 * `word_tokenize`), unit costs. 0 exactly when both texts tokenize alike (for instance when the user
 * accepted the draft unchanged).
 *
 * @example
 * wordEditDistance("I don't like it.", 'I do not like it!'); // 2: n't → not, . → !
 */
export function wordEditDistance(a: string, b: string): number {
  if (a === b) return 0;
  return tokenEditDistance(wordTokenize(a), wordTokenize(b));
}
