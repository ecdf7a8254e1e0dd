import { splitSentences } from './punkt-sentence-split.js';
import { compileTreebankRules, pythonSpace, type Rule, type TreebankRules } from './treebank-rules.js';

/**
 * Word tokenization following NLTK 3.8's `word_tokenize` (the paper's cost metric tokenizes with it):
 * Punkt sentence splitting (`punkt-sentence-split.ts`), then the improved Treebank passes
 * (`treebank-rules.ts`) on each sentence, and a split on whitespace.
 */

const singleSentenceRules = compileTreebankRules(null);
const whitespace = new RegExp(`${pythonSpace}+`, 'u');

/**
 * Noncharacters (never meant to appear in text) that can join sentences; the first one absent from
 * the text is used, and a text holding all of them is tokenized sentence by sentence.
 */
const markers = ['\uffff', '\ufffe', '\ufdd0'] as const;
const markerRules = new Map(markers.map((marker) => [marker, compileTreebankRules(marker)] as const));
const separators = new Map<string, RegExp>(
  markers.map((marker) => [marker, new RegExp(`(?:${pythonSpace}|${marker})+`, 'u')]),
);

function applyAll(text: string, rules: readonly Rule[]): string {
  let result = text;
  for (const { pattern, replacement, when } of rules) {
    if (when === undefined || when(result)) result = result.replace(pattern, replacement);
  }
  return result;
}

/** Runs every pass over `text`, whose sentences (if several) are joined by `marker`. */
function runTreebank(text: string, rules: TreebankRules, marker: string | null): string[] {
  let result = applyAll(text, rules.startingQuotes);
  result = applyAll(result, rules.punctuation);
  result = applyAll(result, rules.brackets);
  // NLTK pads each sentence with one space at each end here.
  result = marker === null ? ` ${result} ` : ` ${result.replaceAll(marker, ` ${marker} `)} `;
  result = applyAll(result, rules.endingQuotes);
  if (rules.mayHaveContraction(result)) result = applyAll(result, rules.contractions);
  return result
    .split(marker === null ? whitespace : (separators.get(marker) as RegExp))
    .filter((token) => token !== '');
}

/**
 * Tokenizes one sentence with the improved Treebank rules (NLTK `NLTKWordTokenizer.tokenize`). A period
 * is split off only at the end of the text given.
 */
export function treebankTokenize(sentence: string): string[] {
  return runTreebank(sentence, singleSentenceRules, null);
}

/**
 * Splits text into word tokens the way NLTK's `word_tokenize` does: punctuation as separate tokens,
 * contractions split (`don't` → `do`, `n't`; `can't` → `ca`, `n't`; `'s`, `'re`, `'ll` ...), opening
 * `"` as ``` `` ``` and closing `"` as `''`, a period split off only where a sentence ends (so `Mr.`
 * and `3.14` stay whole), `...` and `--` as single tokens, and commas inside numbers kept (`1,000`).
 * As in NLTK 3.8, other dashes stay inside words (`10–12`, `more—much`), and a clitic is split only
 * before a space or a sentence end (`can't\nsee` keeps `can't`). Agreement with NLTK is checked by
 * word-tokenize.nltk.test.ts against fixtures recorded from NLTK 3.8 (test/fixtures/nltk/).
 *
 * @example
 * wordTokenize("Don't stop, Mr. Smith."); // ['Do', "n't", 'stop', ',', 'Mr.', 'Smith', '.']
 */
export function wordTokenize(text: string): string[] {
  const sentences = splitSentences(text);
  // NOTE: running the passes once over all sentences, joined by a marker that the rules treat as a
  // sentence boundary, gives the same tokens as running them sentence by sentence, only faster.
  const marker = markers.find((candidate) => !text.includes(candidate));
  if (marker === undefined) return sentences.flatMap(treebankTokenize);
  return runTreebank(sentences.join(marker), markerRules.get(marker) as TreebankRules, marker);
}

/** A `wordTokenize` token and where it stands in the text it came from. */
export interface WordTokenSpan {
  /** The token as `wordTokenize` gives it (a `"` becomes ``` `` ``` or `''`). */
  readonly token: string;
  /** Its characters in the text: `text.slice(start, end)`. */
  readonly start: number;
  readonly end: number;
}

const leadingSpace = new RegExp(`^${pythonSpace}+`, 'u');

/**
 * The tokens of `wordTokenize(text)` with their places in `text`, in order, so that a view can show a
 * text token by token with its own spacing (the web UI's word diff counts what the cost counts).
 * Tokens are found left to right: a quote token that is not written as itself (``` `` ``` or `''`
 * for a `"`, or ``` `` ``` for an opening `''`) takes the quote it stands for.
 *
 * @example
 * wordTokenSpans('Hi, "you".').map(({ start, end }) => [start, end]); // [[0,2],[2,3],[4,5],[5,8],[8,9],[9,10]]
 */
export function wordTokenSpans(text: string): WordTokenSpan[] {
  const spans: WordTokenSpan[] = [];
  let position = 0;
  for (const token of wordTokenize(text)) {
    position += leadingSpace.exec(text.slice(position))?.[0].length ?? 0;
    const length = text.startsWith(token, position) ? token.length : quoteLength(text, position, token);
    spans.push({ token, start: position, end: position + length });
    position += length;
  }
  return spans;
}

/** How many characters of `text` at `position` a quote token that is not written as itself stands for. */
function quoteLength(text: string, position: number, token: string): number {
  if (token === '``' || token === "''") {
    if (text[position] === '"') return 1;
    if (text.startsWith("''", position) || text.startsWith('``', position)) return 2;
  }
  // NOTE: not expected (the Treebank rules only rewrite `"`); the token then takes the rest of the word.
  const rest = /^\S+/u.exec(text.slice(position))?.[0] ?? '';
  return rest.length;
}
