import { stopwords } from '../lexicon/stop-words.js';
import { wordsOf } from './sentences.js';

export { stopwords } from '../lexicon/stop-words.js';

/** Lower-cased content words of a text (no stopwords, at least `minLength` letters). */
export function contentWords(text: string, minLength = 3): string[] {
  return wordsOf(text)
    .map((word) => word.toLowerCase().replace(/’/g, "'"))
    .filter((word) => word.length >= minLength && !stopwords.has(word) && /\p{L}/u.test(word));
}

/**
 * The `count` most frequent content words of at least `minLength` letters (letters only, no
 * apostrophe or hyphen), most frequent first, ties broken by first occurrence. Deterministic.
 */
export function keyTerms(text: string, count: number, minLength = 5): string[] {
  const frequency = new Map<string, number>();
  for (const word of contentWords(text, minLength)) {
    if (/^\p{L}+$/u.test(word)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  return [...frequency.entries()]
    .map(([word, times], order) => ({ word, times, order }))
    .sort((left, right) => right.times - left.times || left.order - right.order)
    .slice(0, count)
    .map((entry) => entry.word);
}
