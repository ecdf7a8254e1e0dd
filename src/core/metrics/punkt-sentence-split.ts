import { pythonSpace } from './treebank-rules.js';

/**
 * Sentence splitting in the manner of NLTK's Punkt sentence tokenizer (Kiss & Strunk 2006), as used by
 * `word_tokenize` before the Treebank rules run. Only the decisions that matter for word tokenization
 * are reproduced: where a sentence ends, so that its final period becomes its own token.
 *
 * NOTE: NLTK's English Punkt model is a table learned from a newswire corpus (abbreviations,
 * collocations, frequent sentence starters and the capitalisation contexts of each word). It is not
 * available here, so this module ships its own stand-ins: a list of common English abbreviations and a
 * list of common lower-case words that, capitalised after an abbreviation or initial, signal a new
 * sentence. Everything else (candidate search, the two annotation passes, boundary realignment)
 * follows Punkt's algorithm.
 */

/**
 * Abbreviations (lower-case, without the final period) that do not end a sentence by themselves.
 * Only forms that are not also ordinary English words: "sun", "sat", "wed", "mar", "no", "ill",
 * "mass", "fig", "figs", "rep", "hon", "col", "gen", "sec" and "penn" are left out, since a sentence
 * ending in one of them ("The sun set.") is far more common than the abbreviation.
 */
const abbreviations = new Set([
  ...['mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'rev', 'st', 'jr', 'sr', 'esq'],
  ...['gov', 'sen', 'pres', 'lt', 'capt', 'cmdr', 'sgt', 'maj', 'adm', 'cpl'],
  ...['inc', 'corp', 'co', 'ltd', 'bros', 'llc', 'plc', 'dept', 'univ', 'assn', 'ave', 'blvd', 'rd'],
  ...['mt', 'ft', 'jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'],
  ...['mon', 'tue', 'tues', 'thu', 'thurs', 'fri', 'nos', 'vol', 'vols'],
  ...['pp', 'eq', 'ch', 'approx', 'est', 'etc', 'vs', 'cf', 'al', 'viz', 'ca'],
  ...['e.g', 'i.e', 'a.m', 'p.m', 'u.s', 'u.k', 'u.n', 'u.s.a', 'ph.d', 'm.d', 'b.a', 'm.a', 'b.s'],
  ...['d.c', 'n.y', 'l.a', 'calif', 'conn', 'fla', 'mich', 'minn', 'tenn'],
]);

/**
 * Lower-case words that Punkt's model has seen lower-case and never capitalised mid-sentence: written
 * capitalised after an abbreviation, initial or ellipsis they start a new sentence (orthographic
 * heuristic, Kiss & Strunk §4.1.1).
 */
const lowerCaseWords = new Set([
  ...['the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'there', 'then', 'they'],
  ...['we', 'you', 'he', 'she', 'but', 'and', 'or', 'so', 'yet', 'in', 'on', 'at', 'for', 'with'],
  ...['as', 'if', 'when', 'while', 'after', 'before', 'however', 'also', 'our', 'my', 'his', 'her'],
  ...['their', 'your', 'what', 'why', 'how', 'who', 'where', 'which', 'some', 'many', 'most', 'all'],
  ...['each', 'every', 'not', 'one', 'to', 'of', 'from', 'by', 'because', 'although', 'since'],
  ...['thus', 'therefore', 'here', 'now', 'today', 'finally', 'first', 'next', 'instead', 'still'],
  ...['both', 'other', 'such', 'only', 'even', 'just', 'please', 'let', 'do', 'does', 'is', 'are'],
  ...['was', 'were', 'be', 'can', 'will', 'would', 'should', 'could', 'may', 'might', 'must'],
]);

/**
 * The stand-in for NLTK's trained English Punkt model, as lists (lower-case). scripts/record-nltk-fixtures.py
 * hands them to NLTK's own Punkt to record the sentence-splitting fixtures.
 */
export const punktStandInModel = {
  abbreviations: [...abbreviations],
  lowerCaseWords: [...lowerCaseWords],
} as const;

// NOTE: Punkt's `\s` and `\S` are Python's (see `pythonSpace`), except in the search for the word
// before a candidate, which looks for ASCII whitespace only (`asciiSpace`).
const sp = pythonSpace;
const nonSpace = `[^${pythonSpace.slice(1)}`;
/** Python's `string.whitespace`. */
const asciiSpace = /[ \t\n\r\v\f]/u;
const trailingSpace = new RegExp(`${sp}+$`, 'u');

function pythonTrimEnd(text: string): string {
  return text.replace(trailingSpace, '');
}

// Characters that cannot appear within a Punkt word, and multi-character punctuation.
const nonWord = String.raw`[?!)";}\]*:@'({\[]`;
const multiChar = String.raw`(?:-{2,}|\.{2,}|(?:\.${sp}){2,}\.)`;
const wordStart = String.raw`[^("\x60{\[:;&#*@)}\]\-,]`;
const wordEnd = String.raw`(?=${sp}|$|${nonWord}|${multiChar}|,(?=$|${sp}|${nonWord}|${multiChar}))`;
const punktWordPattern = new RegExp(`${multiChar}|(?=${wordStart})${nonSpace}+?${wordEnd}|${nonSpace}`, 'gu');

/** A sentence-end character followed by other punctuation, or by whitespace and a next token. */
const candidatePattern = new RegExp(`[.?!](?=(${nonWord})|(${sp}+)(${nonSpace}+))`, 'gu');
/** Closing punctuation at the start of a sentence, matched only at its start (sticky). */
const realignPattern = new RegExp(`["')\\]}]+?(?:${sp}+|(?=--)|$)`, 'uy');

const numericPattern = /^-?[.,]?\p{Nd}[\p{Nd},.-]*\.?$/u;
const initialPattern = /^[\p{L}_]\.$/u;
const ellipsisPattern = /^\.\.+$/u;
const punctuationTokens = new Set([';', ':', ',', '.', '!', '?']);

interface Annotated {
  readonly token: string;
  readonly type: string;
  sentenceBreak: boolean;
  abbreviation: boolean;
  ellipsis: boolean;
}

function annotateFirstPass(token: string): Annotated {
  const lower = token.toLowerCase();
  const annotated: Annotated = {
    token,
    type: numericPattern.test(lower) ? '##number##' : lower,
    sentenceBreak: false,
    abbreviation: false,
    ellipsis: false,
  };
  if (token === '.' || token === '?' || token === '!') {
    annotated.sentenceBreak = true;
  } else if (ellipsisPattern.test(token)) {
    annotated.ellipsis = true;
  } else if (token.endsWith('.') && !token.endsWith('..')) {
    const stem = lower.slice(0, -1);
    const lastPart = stem.split('-').at(-1) ?? stem;
    if (abbreviations.has(stem) || abbreviations.has(lastPart)) annotated.abbreviation = true;
    else annotated.sentenceBreak = true;
  }
  return annotated;
}

function firstCase(token: string): 'upper' | 'lower' | 'none' {
  const first = token.charAt(0);
  if (first.toLowerCase() !== first) return 'upper';
  if (first.toUpperCase() !== first) return 'lower';
  return 'none';
}

/** Orthographic heuristic: does `next` start a sentence? true, false or 'unknown'. */
function orthographicEvidence(next: Annotated): boolean | 'unknown' {
  if (punctuationTokens.has(next.token)) return false;
  const bare = next.sentenceBreak && next.type.length > 1 ? next.type.replace(/\.$/u, '') : next.type;
  const letterCase = firstCase(next.token);
  if (letterCase === 'upper' && lowerCaseWords.has(bare)) return true;
  // A lower-case word after a period-final token is taken as mid-sentence.
  if (letterCase === 'lower') return false;
  return 'unknown';
}

/** Second pass (Kiss & Strunk §4.2–4.3): revise the decision on `current` given the token after it. */
function annotateSecondPass(current: Annotated, next: Annotated): void {
  if (!current.token.endsWith('.')) return;
  const isInitial = initialPattern.test(current.token);
  if ((current.abbreviation || current.ellipsis) && !isInitial) {
    if (orthographicEvidence(next) === true) current.sentenceBreak = true;
    return;
  }
  if (isInitial || current.type === '##number##') {
    const evidence = orthographicEvidence(next);
    if (evidence === false) {
      current.sentenceBreak = false;
      current.abbreviation = true;
    } else if (evidence === 'unknown' && isInitial && firstCase(next.token) === 'upper') {
      // Special initial heuristic: a capitalised word never seen lower-case (a name, as in "J. Bach").
      current.sentenceBreak = false;
      current.abbreviation = true;
    }
  }
}

function punktWords(text: string): string[] {
  const words: string[] = [];
  for (const line of text.split('\n')) {
    for (const match of line.matchAll(punktWordPattern)) words.push(match[0]);
  }
  return words;
}

/** True when some token of `context` other than the last is annotated as a sentence break. */
function containsSentenceBreak(context: string): boolean {
  const tokens = punktWords(context).map(annotateFirstPass);
  for (let index = 0; index + 1 < tokens.length; index += 1) {
    const current = tokens[index] as Annotated;
    annotateSecondPass(current, tokens[index + 1] as Annotated);
    if (current.sentenceBreak) return true;
  }
  return false;
}

interface Candidate {
  /** Start of the word the sentence-end character closes (the context starts here). */
  readonly wordStart: number;
  readonly end: number;
  readonly after: string;
  readonly nextTokenStart: number | undefined;
}

function lastWhitespaceIndex(text: string): number {
  for (let index = text.length - 1; index >= 0; index -= 1) {
    if (asciiSpace.test(text.charAt(index))) return index;
  }
  return 0;
}

/**
 * Potential sentence ends. Consecutive ones glued to the same word (as in `acting!!!`) are reported
 * once, for the last of them; like NLTK 3.8, a candidate with no word before it is never merged.
 */
function findCandidates(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  let previous: Candidate | undefined;
  let previousWordStart = 0;
  let previousWordEnd = 0;
  for (const match of text.matchAll(candidatePattern)) {
    const position = match.index;
    // NOTE: as in NLTK, whitespace found at offset 0 counts as no whitespace.
    const whitespaceIndex = lastWhitespaceIndex(text.slice(previousWordEnd, position));
    const wordStart = whitespaceIndex > 0 ? previousWordEnd + whitespaceIndex + 1 : previousWordStart;
    if (previous !== undefined && previousWordEnd <= wordStart) candidates.push(previous);
    const end = position + 1;
    const whitespace = match[2] ?? '';
    previous = {
      wordStart,
      end,
      after: match[1] ?? whitespace + (match[3] ?? ''),
      nextTokenStart: match[1] === undefined ? end + whitespace.length : undefined,
    };
    previousWordStart = wordStart;
    previousWordEnd = position;
  }
  if (previous !== undefined) candidates.push(previous);
  return candidates;
}

/** Choices a caller can add to NLTK's behaviour; every one is off by default (NLTK's own splits). */
export interface SentenceSplitOptions {
  /**
   * Hashtags and emojis written after a sentence end stay with that sentence instead of opening the
   * next one (`'Done! #win 🎉 Next.'` → `['Done! #win 🎉', 'Next.']`; NLTK gives `'#win 🎉 Next.'`).
   * The offline world uses it: its social-media posts end sentences with tags.
   */
  readonly keepTrailingMarks?: boolean;
  /**
   * A `?` or `!` closed by a quote or bracket ends no sentence when a lower-case word or a dash comes
   * next: it asks or exclaims inside the sentence (`'Reviewing "Why?" — a study.'`, `'more time (2
   * weeks?) and a reply.'` stay one sentence each; NLTK ends a sentence at every `?` and `!`). The
   * offline world uses it, so its editors never take such a fragment for a sentence of its own.
   */
  readonly keepInnerQuestions?: boolean;
}

/** Hashtags and emojis, each followed by whitespace or the end, at the start of a sentence. */
const leadingMarks = new RegExp(
  `^(?:(?:#[\\p{L}\\p{N}_]+|(?:\\p{Extended_Pictographic}|\uFE0F|\u200D)+)(?:${sp}+|$))+`,
  'u',
);

/** A `?` or `!` and the quotes or brackets closing it, at the end of a sentence. */
const closedQuestion = /[?!]+["'”’)\]}]+$/u;
/** A sentence that goes on from the one before: a lower-case word or a dash first. */
const continuation = /^(?:\p{Ll}|[-–—])/u;

/**
 * Splits `text` into sentences the way NLTK's `sent_tokenize` does (see the module note on the model).
 * Sentences keep their inner whitespace; closing quotes and brackets after a sentence end stay with it.
 * `options` add the documented departures from NLTK (none by default).
 *
 * @example
 * splitSentences('Mr. Smith arrived. He sat.'); // ['Mr. Smith arrived.', 'He sat.']
 */
export function splitSentences(text: string, options: SentenceSplitOptions = {}): string[] {
  const spans = sentenceSpans(text);
  if (options.keepInnerQuestions === true) {
    for (let index = spans.length - 1; index > 0; index -= 1) {
      const [start, end] = spans[index] as [number, number];
      const previous = spans[index - 1] as [number, number];
      if (!closedQuestion.test(text.slice(...previous)) || !continuation.test(text.slice(start, end)))
        continue;
      previous[1] = end;
      spans.splice(index, 1);
    }
  }
  if (options.keepTrailingMarks === true) {
    for (let index = spans.length - 1; index > 0; index -= 1) {
      const span = spans[index] as [number, number];
      const marks = leadingMarks.exec(text.slice(span[0], span[1]))?.[0];
      if (marks === undefined) continue;
      const previous = spans[index - 1] as [number, number];
      const rest = span[0] + marks.length;
      previous[1] = pythonTrimEnd(text.slice(0, rest)).length;
      if (rest >= span[1]) spans.splice(index, 1);
      else span[0] = rest;
    }
  }
  return spans.map(([start, end]) => text.slice(start, end));
}

/** Where NLTK's Punkt puts each sentence of `text`: `[start, end)` offsets, in order. */
function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let lastBreak = 0;
  for (const candidate of findCandidates(text)) {
    const context = text.slice(candidate.wordStart, candidate.end) + candidate.after;
    if (!containsSentenceBreak(context)) continue;
    spans.push([lastBreak, candidate.end]);
    lastBreak = candidate.nextTokenStart ?? candidate.end;
  }
  spans.push([lastBreak, pythonTrimEnd(text).length]);

  // Realign: closing punctuation at the start of a sentence belongs to the one before.
  const sentences: Array<[number, number]> = [];
  let shift = 0;
  for (let index = 0; index < spans.length; index += 1) {
    const [rawStart, end] = spans[index] as [number, number];
    const start = rawStart + shift;
    const next = spans[index + 1];
    realignPattern.lastIndex = 0;
    const realigned = next === undefined ? null : realignPattern.exec(text.slice(next[0], next[1]));
    if (next !== undefined && realigned !== null) {
      sentences.push([start, next[0] + pythonTrimEnd(realigned[0]).length]);
      shift = realigned[0].length;
    } else {
      shift = 0;
      if (end > start) sentences.push([start, end]);
    }
  }
  return sentences;
}
