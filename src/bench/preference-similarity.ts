import { wordTokenize } from '../core/index.js';

const stopWords = new Set([
  'a',
  'an',
  'and',
  'the',
  'of',
  'to',
  'in',
  'with',
  'for',
  'or',
  'use',
  'be',
  'is',
  'it',
]);

const contentWordsCache = new Map<string, readonly string[]>();

/**
 * NOTE: memoized (forgotten past 10,000 texts): accuracy compares each round's preference with every
 * true preference of the task, so the same few texts are tokenized again and again.
 */
function contentWords(text: string): readonly string[] {
  let words = contentWordsCache.get(text);
  if (words === undefined) {
    if (contentWordsCache.size >= 10_000) contentWordsCache.clear();
    words = wordTokenize(text.toLowerCase()).filter((token) => /\p{L}/u.test(token) && !stopWords.has(token));
    contentWordsCache.set(text, words);
  }
  return words;
}

/**
 * Unigram F1 between two preference texts (lower-cased content words, as multisets): a lexical
 * stand-in for the paper's BERTScore, which needs a model we cannot run here. 1 for the same words,
 * 0 for none in common.
 */
export function unigramF1(left: string, right: string): number {
  const leftWords = contentWords(left);
  const rightWords = contentWords(right);
  if (leftWords.length === 0 || rightWords.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const word of rightWords) counts.set(word, (counts.get(word) ?? 0) + 1);
  let overlap = 0;
  for (const word of leftWords) {
    const count = counts.get(word) ?? 0;
    if (count > 0) {
      overlap += 1;
      counts.set(word, count - 1);
    }
  }
  if (overlap === 0) return 0;
  const precision = overlap / leftWords.length;
  const recall = overlap / rightWords.length;
  return (2 * precision * recall) / (precision + recall);
}

/** How reports name the accuracy similarity. */
export const unigramF1Name = 'unigram F1 of content words (lexical stand-in for BERTScore)';
