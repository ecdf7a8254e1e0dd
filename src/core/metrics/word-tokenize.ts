import { splitSentences } from './punkt-sentence-split.js';

/**
 * Word tokenization following NLTK's `word_tokenize` (the paper's cost metric tokenizes with it):
 * Punkt sentence splitting, then the "improved Treebank" rules of NLTK's `NLTKWordTokenizer` applied
 * to each sentence. The rules below are our own TypeScript rendering of those regular-expression
 * passes, in the same order; each pass pads what it recognises with spaces and the result is split
 * on whitespace.
 */

/**
 * One rewriting pass. `when` is a cheap test that must hold for the pattern to possibly match; it only
 * saves time (most passes find nothing in most sentences) and never changes the result.
 */
interface Rule {
  readonly pattern: RegExp;
  readonly replacement: string;
  readonly when?: (text: string) => boolean;
}

/** Python's `\w` (Unicode letters, digits, underscore); JavaScript's `\w` is ASCII only. */
const word = String.raw`[\p{L}\p{N}_]`;
/** Python's `\b` around a word, spelled with Unicode-aware look-arounds. */
const wordBefore = `(?<!${word})`;
const wordAfter = `(?!${word})`;

function rule(source: string, replacement: string, when?: (text: string) => boolean, flags = ''): Rule {
  return { pattern: new RegExp(source, `gu${flags}`), replacement, ...(when ? { when } : {}) };
}

/** A `when` test: the text contains one of `characters` (one native scan). */
function hasAny(characters: string): (text: string) => boolean {
  const escaped = [...characters]
    .map((character) => `\\u{${character.codePointAt(0)?.toString(16)}}`)
    .join('');
  const pattern = new RegExp(`[${escaped}]`, 'u');
  return (text) => pattern.test(text);
}

/** Opening quotes: curly and guillemet quotes padded, a straight `"` that opens becomes ``. */
const startingQuotes: readonly Rule[] = [
  rule('([«“‘„]|`+)', ' $1 ', hasAny('«“‘„`')),
  { pattern: /^"/u, replacement: '``', when: (text) => text.startsWith('"') },
  rule('(``)', ' $1 ', (text) => text.includes('``')),
  // Only a literal space or an opening bracket marks a quote as opening (not a newline).
  rule(`([ ([{<])("|'{2})`, '$1 `` ', (text) => text.includes('"') || text.includes("''")),
  // A single quote opening a word is split off, unless it starts a clitic ('re, 've, 's, 'n ...).
  rule(`(?<!${word})(')(?!(?:re|ve|ll|m|t|s|d|n)${wordAfter})(?=${word})`, '$1 ', hasAny("'"), 'i'),
];

/** True when the text may end in `[:,]`, as Python's `$` allows before one final newline. */
function mayEndWithCommaOrColon(text: string): boolean {
  const last = text.endsWith('\n') ? text.charAt(text.length - 2) : text.charAt(text.length - 1);
  return last === ',' || last === ':';
}

// The sentence-final period, with any closing brackets or quotes after it; NLTK runs two variants.
const finalPeriodSpaced = rule(String.raw`([^.])(\.)([\])}>"'»”’ ]*)\s*$`, '$1 $2 $3 ');
const finalPeriodClosed = rule(String.raw`([^.])(\.)([\])}>"']*)\s*$`, '$1 $2$3 ');

const punctuationBetweenFinalPeriods: readonly Rule[] = [
  // Commas and colons, except between digits (1,000 and 10:30).
  rule(String.raw`([:,])([^\p{Nd}])`, ' $1 $2', hasAny(':,')),
  rule(String.raw`([:,])(?=\n?$)`, ' $1 ', mayEndWithCommaOrColon),
  rule(String.raw`\.{2,}`, ' $& ', (text) => text.includes('..')),
  rule('[;@#$%&]', ' $& ', hasAny(';@#$%&')),
  // Figure dash, en dash, em dash and horizontal bar.
  rule('[\u2012-\u2015]', ' $& ', hasAny('\u2012\u2013\u2014\u2015')),
];

const punctuationAfterFinalPeriods: readonly Rule[] = [
  rule('[?!]', ' $& ', hasAny('?!')),
  rule("([^'])' ", "$1 ' ", (text) => text.includes("' ")),
  rule(String.raw`\*`, ' $& ', hasAny('*')),
];

const parensAndBrackets = rule(String.raw`[\][(){}<>]`, ' $& ', hasAny('[](){}<>'));
const doubleDashes = rule('--', ' -- ', (text) => text.includes('--'));

/** Closing quotes become '' and clitics are split from the word before them. */
const endingQuotes: readonly Rule[] = [
  rule('([»”’])', ' $1 ', hasAny('»”’')),
  rule("''", " '' ", (text) => text.includes("''")),
  rule('"', " '' ", hasAny('"')),
  rule(String.raw`\s+`, ' '),
  rule("([^' ])('[sS]|'[mM]|'[dD]|') ", '$1 $2 ', hasAny("'")),
  rule("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", '$1 $2 ', hasAny("'")),
];

/** Robert MacIntyre's two-part contractions: cannot, d'ye, gimme, gonna, gotta, lemme, more'n, wanna. */
const contractionParts = [
  ['can', 'not'],
  ['d', "'ye"],
  ['gim', 'me'],
  ['gon', 'na'],
  ['got', 'ta'],
  ['lem', 'me'],
  ['more', "'n"],
] as const;
const contractions: readonly Rule[] = [
  ...contractionParts.map(([first, second]) =>
    rule(`${wordBefore}(${first})(${second})${wordAfter}`, ' $1 $2 ', undefined, 'i'),
  ),
  rule(String.raw`${wordBefore}(wan)(na)(?=\s)`, ' $1 $2 ', undefined, 'i'),
  rule(` ('t)(is)${wordAfter}`, ' $1 $2 ', undefined, 'i'),
  rule(` ('t)(was)${wordAfter}`, ' $1 $2 ', undefined, 'i'),
];
/** Any text a contraction rule could match contains one of these (case-insensitively). */
const contractionHint = new RegExp(
  [...contractionParts.map(([first, second]) => first + second), 'wanna', "'t"].join('|'),
  'iu',
);

function applyAll(text: string, rules: readonly Rule[]): string {
  let result = text;
  for (const { pattern, replacement, when } of rules) {
    if (when === undefined || when(result)) result = result.replace(pattern, replacement);
  }
  return result;
}

/**
 * An end-of-sentence period pass. Its match can only start just before the text's last period, so it
 * runs on that tail alone instead of scanning the whole sentence.
 */
function applyFinalPeriod(text: string, { pattern, replacement }: Rule): string {
  const lastPeriod = text.lastIndexOf('.');
  if (lastPeriod < 1) return text;
  return text.slice(0, lastPeriod - 1) + text.slice(lastPeriod - 1).replace(pattern, replacement);
}

/**
 * Tokenizes one sentence with the improved Treebank rules (NLTK `NLTKWordTokenizer.tokenize`). A period
 * is split off only at the end of the text given, so callers pass one sentence at a time.
 */
export function treebankTokenize(sentence: string): string[] {
  let text = applyAll(sentence, startingQuotes);
  text = applyFinalPeriod(text, finalPeriodSpaced);
  text = applyAll(text, punctuationBetweenFinalPeriods);
  text = applyFinalPeriod(text, finalPeriodClosed);
  text = applyAll(text, punctuationAfterFinalPeriods);
  text = applyAll(text, [parensAndBrackets, doubleDashes]);
  text = applyAll(` ${text} `, endingQuotes);
  if (contractionHint.test(text)) text = applyAll(text, contractions);
  return text.split(/\s+/u).filter((token) => token.length > 0);
}

/**
 * Splits text into word tokens the way NLTK's `word_tokenize` does: punctuation as separate tokens,
 * contractions split (`don't` → `do`, `n't`; `can't` → `ca`, `n't`; `'s`, `'re`, `'ll` ...), opening
 * `"` as ``` `` ``` and closing `"` as `''`, a period split off only where a sentence ends (so `Mr.`
 * and `3.14` stay whole), `...` and `--` as single tokens, and commas inside numbers kept (`1,000`).
 * Whitespace, including newlines, only separates tokens.
 *
 * @example
 * wordTokenize("Don't stop, Mr. Smith."); // ['Do', "n't", 'stop', ',', 'Mr.', 'Smith', '.']
 */
export function wordTokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const sentence of splitSentences(text)) {
    for (const token of treebankTokenize(sentence)) tokens.push(token);
  }
  return tokens;
}
