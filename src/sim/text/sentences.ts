import {
  splitSentences as splitSentencesPunkt,
  type SentenceSplitOptions,
} from '../../core/metrics/punkt-sentence-split.js';
import { wordTokenize } from '../../core/metrics/word-tokenize.js';
import { expansions, slangWords } from '../atoms/word-tables.js';
import { BoundedCache } from './bounded-cache.js';
import { wordSet } from './word-set.js';

/**
 * Sentence and word helpers shared by the style atoms and the offline writer. Rule-based and
 * deterministic: good enough for the project's own corpus, not a general NLP toolkit.
 */

/**
 * How the offline world splits: NLTK's Punkt (core's, the cost's own), with trailing hashtags and
 * emojis kept with their sentence and a quoted or bracketed question inside its sentence.
 */
const worldSplit: SentenceSplitOptions = { keepTrailingMarks: true, keepInnerQuestions: true };

/**
 * Split one line of prose into sentences: core's `splitSentences` (NLTK's Punkt, the splitter of the
 * paper's cost) on the trimmed line, with the world's options (`worldSplit`).
 */
export function splitSentences(line: string): string[] {
  return splitSentencesPunkt(line.trim(), worldSplit);
}

/** Clauses of a sentence for length limits: semicolons and spaced dashes separate clauses. */
export function splitClauses(sentence: string): string[] {
  return sentence
    .split(/;|\s—\s/u)
    .map((clause) => clause.trim())
    .filter((clause) => clause !== '');
}

const wordLike = /[\p{L}\p{N}]/u;

/**
 * The words of a text: the cost's tokens (core's `wordTokenize`, NLTK's) that hold a letter or a digit,
 * as written, so punctuation and quotes are left out and a contraction gives its parts ("do", "n't").
 */
export function wordsOf(text: string): readonly string[] {
  return wordsCache.getOrSet(text, () => wordTokenize(text).filter((token) => wordLike.test(token)));
}

// NOTE: the detectors count the words of the same sentences again and again; NLTK's tokenizer is much
// slower than one regular expression, so its answers are kept.
const wordsCache = new BoundedCache<string, readonly string[]>(32_768);

const expandedLength = new Map<string, number>(
  [...Object.entries(expansions), ...Object.entries(slangWords)].map(([word, expanded]) => [
    word,
    Math.max(1, expanded.split(' ').length),
  ]),
);

/**
 * Number of words (`wordsOf`, the cost's word tokens), counting a contraction or slang word as the
 * words it expands to, so that no vocabulary editor makes a text longer by this count. The tokenizer
 * already splits "don't" (`do`, `n't`), "gonna" (`gon`, `na`) and a possessive ("Sam's": `Sam`, `'s`,
 * two words, as the cost counts them); the expansion table counts the slang it keeps whole ("btw" is
 * three, "y'all" two).
 */
export function countWords(text: string): number {
  let total = 0;
  for (const word of wordsOf(text)) {
    const lower = word.toLowerCase();
    total += expandedLength.get(lower.includes('’') ? lower.replace(/’/g, "'") : lower) ?? 1;
  }
  return total;
}

const lowerableStarts = wordSet(
  'a an the this that these those it its in on at for of to from with by as and but or so when while after before if because there here some many most all each every one two three our their his her your my we they he she you what how why who where which once during today yesterday',
);

/** Lower-case the first letter when the first word is a common word (never a likely name). */
export function lowerFirst(sentence: string): string {
  const first = /^[\p{L}]+/u.exec(sentence)?.[0] ?? '';
  if (!lowerableStarts.has(first.toLowerCase())) return sentence;
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

/** Upper-case the first letter (after any opening quote or markup). */
export function capitalize(sentence: string): string {
  return sentence.replace(
    /^([^\p{L}\p{N}]*)(\p{Ll})/u,
    (_whole, lead: string, letter: string) => lead + letter.toUpperCase(),
  );
}

/** End the sentence with a period unless it already ends with `.`, `!`, `?` or an ellipsis. */
export function ensureTerminal(sentence: string): string {
  const trimmed = sentence.trim().replace(/[,;:\s-]+$/u, '');
  if (trimmed === '') return trimmed;
  if (/[.!?…]["'”’)\]]*$/u.test(trimmed)) return trimmed;
  if (/(#[\p{L}\p{N}_]+|\p{Extended_Pictographic}\uFE0F?)$/u.test(trimmed)) return trimmed;
  return `${trimmed}.`;
}

/**
 * Words a sentence must not end on once cut: articles, prepositions, conjunctions, auxiliaries and
 * possessives, and the subject "I" ("used by.", "the size of the.", "A red panda is.", "the most
 * pretentious experiences I.").
 */
export const danglingWords = wordSet(
  'a an the of by to in on at for from with into onto over under about after before during until ' +
    'between through across against along among around behind beyond toward towards within without via per ' +
    'and or but nor so yet as than that which who whom whose while because although though if when where ' +
    'whether is are was were be been being am has have had do does did will would can could shall should ' +
    'may might must its their his her our my your this these those not no very more most less such ' +
    'i',
);

/**
 * Keep the first `maxWords` words of a sentence, ending it with a period; function words left dangling
 * at the cut ("of the.") go too.
 */
export function truncateWords(sentence: string, maxWords: number): string {
  const pieces = sentence.trim().split(/\s+/);
  let kept = 0;
  const out: string[] = [];
  for (const piece of pieces) {
    const isWord = /[\p{L}\p{N}]/u.test(piece);
    if (isWord && kept === maxWords) break;
    if (isWord) kept += 1;
    out.push(piece);
  }
  if (kept === maxWords && pieces.length > out.length) {
    while (
      out.length > 1 &&
      danglingWords.has((out[out.length - 1] ?? '').toLowerCase().replace(/[^\p{L}']/gu, ''))
    )
      out.pop();
  }
  return ensureTerminal(out.join(' '));
}

const trailingMarks = /(\s*(#[\p{L}\p{N}_]+|\p{Extended_Pictographic}|\uFE0F|\u200D))+$/u;

/** A sentence without the hashtags and emojis that end it. */
export function withoutTrailingMarks(sentence: string): string {
  return sentence.replace(trailingMarks, '');
}
