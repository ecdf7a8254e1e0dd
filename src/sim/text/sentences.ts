import { expansions, slangWords } from '../atoms/word-tables.js';
import { wordSet } from './word-set.js';

/**
 * Sentence and word helpers shared by the style atoms and the offline writer. Rule-based and
 * deterministic: good enough for the project's own corpus, not a general NLP toolkit.
 */

const abbreviations = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'u.s',
  'u.k',
  'no',
  'inc',
  'ltd',
  'co',
  'approx',
  'fig',
  'al',
]);

/** True when the word ending a candidate sentence is an abbreviation or an initial ("J."). */
function endsWithAbbreviation(before: string): boolean {
  const match = /([\p{L}.]+)\.$/u.exec(before.slice(-24));
  if (match === null) return false;
  const word = (match[1] ?? '').toLowerCase();
  if (abbreviations.has(word)) return true;
  return /^\p{Lu}$/u.test(match[1] ?? '') && match[1] !== 'I';
}

/**
 * Split one line of prose into sentences. A sentence ends at `.`, `!` or `?` (with any closing
 * quotes or brackets) followed by whitespace and an upper-case letter, a digit, a quote or a bracket;
 * abbreviations and initials do not end sentences. Trailing hashtags and emojis stay with the sentence
 * they follow.
 */
export function splitSentences(line: string): string[] {
  const text = line.trim();
  if (text === '') return [];
  const sentences: string[] = [];
  const boundary =
    /[.!?]+["'”’)\]]*(?:\s+(?:#[\p{L}\p{N}_]+|(?:\p{Extended_Pictographic}|\uFE0F|\u200D)+))*\s+(?=["“'‘([*]*[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = (match.index ?? 0) + match[0].trimEnd().length;
    const candidate = text.slice(start, end);
    if (match[0].startsWith('.') && endsWithAbbreviation(candidate)) continue;
    sentences.push(candidate.trim());
    start = (match.index ?? 0) + match[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest !== '') sentences.push(rest);
  return sentences;
}

/** Clauses of a sentence for length limits: semicolons and spaced dashes separate clauses. */
export function splitClauses(sentence: string): string[] {
  return sentence
    .split(/;|\s—\s/u)
    .map((clause) => clause.trim())
    .filter((clause) => clause !== '');
}

/** Word tokens (letters or digits, with inner apostrophes and hyphens), as written. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

const expandedLength = new Map<string, number>(
  [...Object.entries(expansions), ...Object.entries(slangWords)].map(([word, expanded]) => [
    word,
    Math.max(1, expanded.split(' ').length),
  ]),
);

/**
 * Number of words (tokens holding a letter or digit), counting a contraction or slang word as the
 * words it expands to ("don't" is two, "gonna" two), so that no vocabulary editor makes a text longer
 * by this count.
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
