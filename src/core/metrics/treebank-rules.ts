/**
 * The rewriting passes of NLTK 3.8's improved Treebank word tokenizer (`NLTKWordTokenizer`), in NLTK's
 * order, as our own TypeScript regular expressions (later NLTK versions pad dashes, split more opening
 * quotes and normalise whitespace first; 3.8 does none of these). Each pass pads what it recognises with spaces;
 * splitting the result on whitespace gives the tokens.
 *
 * NLTK runs the passes on one sentence at a time, and a few of them look at the sentence's start or
 * end (`^"`, the final period, a final comma). To run them over many sentences in one go, the rules
 * can be compiled for a `marker`: a character that joins the sentences and that every rule treats
 * exactly like the start or end of a string. With no marker they are NLTK's rules unchanged.
 */

/**
 * One rewriting pass. `when` is a cheap test that must hold for the pattern to possibly match; it only
 * saves time (most passes find nothing in most sentences) and never changes the result.
 */
export interface Rule {
  readonly pattern: RegExp;
  readonly replacement: string;
  readonly when?: (text: string) => boolean;
}

/** The passes, grouped by stage; `padded` text is the stage's input wrapped in single spaces. */
export interface TreebankRules {
  readonly startingQuotes: readonly Rule[];
  readonly punctuation: readonly Rule[];
  readonly brackets: readonly Rule[];
  /** Run on the text wrapped in spaces (NLTK adds one space at each end here). */
  readonly endingQuotes: readonly Rule[];
  readonly contractions: readonly Rule[];
  /** True when some contraction pass could match (saves running all ten). */
  readonly mayHaveContraction: (text: string) => boolean;
}

/**
 * Python's `\s` and `str.split()` whitespace: JavaScript's `\s` without U+FEFF, plus U+001C–U+001F and
 * U+0085.
 */
export const pythonSpace = String.raw`[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]`;

/** Python's `\w` (Unicode letters, digits, underscore); JavaScript's `\w` is ASCII only. */
const word = String.raw`[\p{L}\p{N}_]`;
/** Python's `\b` around a word, spelled with Unicode-aware look-arounds. */
const wordBefore = `(?<!${word})`;
const wordAfter = `(?!${word})`;

function rule(source: string, replacement: string, when?: (text: string) => boolean, flags = ''): Rule {
  return { pattern: new RegExp(source, `gu${flags}`), replacement, ...(when ? { when } : {}) };
}

function escapeCharacter(character: string): string {
  return `\\u{${character.codePointAt(0)?.toString(16)}}`;
}

/** A `when` test: the text contains one of `characters` (one native scan). */
function hasAny(characters: string): (text: string) => boolean {
  const pattern = new RegExp(`[${[...characters].map(escapeCharacter).join('')}]`, 'u');
  return (text) => pattern.test(text);
}

const contractionParts = [
  ['can', 'not'],
  ['d', "'ye"],
  ['gim', 'me'],
  ['gon', 'na'],
  ['got', 'ta'],
  ['lem', 'me'],
  ['more', "'n"],
] as const;

/** Any text a contraction pass could match contains one of these (case-insensitively). */
const contractionHint = new RegExp(
  [...contractionParts.map(([first, second]) => first + second), 'wanna', "'t"].join('|'),
  'iu',
);

/**
 * The Treebank passes, compiled so that `marker` (a single character absent from the sentences)
 * behaves like a string boundary; `null` gives NLTK's rules for a single sentence.
 */
export function compileTreebankRules(marker: string | null): TreebankRules {
  const m = marker === null ? '' : escapeCharacter(marker);
  /** Start of a sentence: `^`, or just after the marker (captured so it can be put back). */
  const start = marker === null ? '(^)' : `(^|${m})`;
  /** End of a sentence, as Python's `$` (which also matches before one final newline). */
  const end = marker === null ? '(?=\\n?$)' : `(?=\\n?(?:${m}|$))`;
  const finalPeriod = (closers: string) => `([^.${m}])(\\.)([${closers}]*)${pythonSpace}*${end}`;

  return {
    startingQuotes: [
      rule('([«“‘„]|`+)', ' $1 ', hasAny('«“‘„`')),
      rule(`${start}"`, '$1``', hasAny('"')),
      rule('(``)', ' $1 ', (text) => text.includes('``')),
      // Only a literal space or an opening bracket marks a quote as opening (not a newline).
      rule(`([ ([{<])("|'{2})`, '$1 `` ', (text) => text.includes('"') || text.includes("''")),
      // NLTK 3.8 splits a single quote only from a one-character word ('a' → ' a '), and never from
      // one starting like a clitic (re, ve, ll, m, t, s, d, n, in any case): 'hello and 'Tis stay whole.
      rule(`(')(?!re|ve|ll|m|t|s|d|n)(${word})${wordAfter}`, '$1 $2', hasAny("'"), 'i'),
    ],
    punctuation: [
      // The sentence-final period with any closing brackets or quotes after it (two variants).
      rule(finalPeriod(String.raw`\])}>"'»”’ `), '$1 $2 $3 ', hasAny('.')),
      // Commas and colons, except before a digit (1,000 and 10:30).
      rule(`([:,])([^\\p{Nd}${m}])`, ' $1 $2', hasAny(':,')),
      rule(`([:,])${end}`, ' $1 ', hasAny(':,')),
      rule(String.raw`\.{2,}`, ' $& ', (text) => text.includes('..')),
      rule('[;@#$%&]', ' $& ', hasAny(';@#$%&')),
      rule(finalPeriod(String.raw`\])}>"'`), '$1 $2$3 ', hasAny('.')),
      rule('[?!]', ' $& ', hasAny('?!')),
      rule(`([^'${m}])' `, "$1 ' ", (text) => text.includes("' ")),
      rule(String.raw`\*`, ' $& ', hasAny('*')),
    ],
    brackets: [
      rule(String.raw`[\][(){}<>]`, ' $& ', hasAny('[](){}<>')),
      rule('--', ' -- ', (text) => text.includes('--')),
    ],
    endingQuotes: [
      rule('([»”’])', ' $1 ', hasAny('»”’')),
      rule("''", " '' ", (text) => text.includes("''")),
      rule('"', " '' ", hasAny('"')),
      // Clitics split from the word before them.
      rule("([^' ])('[sS]|'[mM]|'[dD]|') ", '$1 $2 ', hasAny("'")),
      rule("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", '$1 $2 ', hasAny("'")),
    ],
    // Robert MacIntyre's contractions: cannot, d'ye, gimme, gonna, gotta, lemme, more'n, wanna, 'tis.
    contractions: [
      ...contractionParts.map(([first, second]) =>
        rule(`${wordBefore}(${first})(${second})${wordAfter}`, ' $1 $2 ', undefined, 'i'),
      ),
      rule(String.raw`${wordBefore}(wan)(na)(?=${pythonSpace})`, ' $1 $2 ', undefined, 'i'),
      rule(` ('t)(is)${wordAfter}`, ' $1 $2 ', undefined, 'i'),
      rule(` ('t)(was)${wordAfter}`, ' $1 $2 ', undefined, 'i'),
    ],
    mayHaveContraction: (text) => contractionHint.test(text),
  };
}
