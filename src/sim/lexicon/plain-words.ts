import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { daleChall } from 'dale-chall';
import { valenceOf } from './sentiment.js';
import { stopwords } from './stop-words.js';

/** One entry of retext-simplify's table: plainer suggestions for a phrase. */
interface SimplifyPattern {
  readonly replace: readonly string[];
  readonly omit?: true;
}

/**
 * retext-simplify's table (`lib/patterns.js`, a data-only module), read once at module load.
 * NOTE: the package exports only its plugin, and importing the file would need a top-level await; so
 * the file is read from the installed package and its one `export const` evaluated in an empty context.
 */
function simplifyPatterns(): Readonly<Record<string, SimplifyPattern>> {
  const directory = dirname(createRequire(import.meta.url).resolve('retext-simplify'));
  const source = readFileSync(join(directory, 'lib', 'patterns.js'), 'utf8');
  const context: { patterns?: Record<string, SimplifyPattern> } = {};
  runInNewContext(source.replace(/^export const patterns =/m, 'patterns ='), context);
  if (context.patterns === undefined)
    throw new Error('retext-simplify: lib/patterns.js has no patterns table');
  return context.patterns;
}

const patterns = simplifyPatterns();

/** The New Dale–Chall (1995) list of about 3,000 words familiar to American fourth-graders. */
const familiar: ReadonlySet<string> = new Set(daleChall);

/**
 * Entries whose first familiar suggestion does not fit most uses of the word (another part of speech
 * or another sense: "request" the noun, "require" → "must"), with a better single word or `null` to
 * leave the word alone.
 */
const overrides: Readonly<Record<string, string | null>> = {
  accompany: null,
  accrue: 'gain',
  addressees: null,
  aforementioned: null,
  aggregate: 'total',
  appreciable: null,
  approximate: null,
  attempt: null,
  benefit: null,
  constitutes: 'forms',
  designate: 'name',
  disseminate: 'spread',
  effect: null,
  encounter: null,
  establish: 'found',
  function: null,
  identical: null,
  identify: 'find',
  implement: null,
  interface: null,
  maintain: 'keep',
  maximum: null,
  minimum: null,
  monitor: null,
  necessitate: 'need',
  nevertheless: 'still',
  notwithstanding: null,
  operate: 'run',
  overall: null,
  permit: null,
  proceed: 'go',
  purchase: null,
  reflect: 'show',
  represents: null,
  request: null,
  require: 'need',
  submit: 'send',
  subsequent: 'later',
  thereof: null,
  type: null,
  vice: null,
  whereas: null,
  witnessed: null,
};

/** −1, 0 or +1: whether AFINN-165 counts a word as negative, neutral or positive (`sentiment.ts`). */
function sentimentClass(word: string): number {
  const valence = valenceOf(word);
  return valence >= 2 ? 1 : valence <= -2 ? -1 : 0;
}

const startsWithVowel = (word: string) => /^[aeio]/.test(word);

/**
 * Complex word → plain single word, from `retext-simplify` (Titus Wormer, npm, MIT licence; plain-English
 * alternatives after plainlanguage.gov) with the `dale-chall` list (Titus Wormer, npm, MIT licence)
 * deciding what is plain: a one-word entry of retext-simplify that is not on the Dale–Chall list of
 * familiar words counts as complex, and its first suggestion that is one familiar word replaces it
 * (`overrides` aside), when both have the same sentiment (so that no other atom's verdict changes).
 * "a"/"an" before the word follows the replacement ("an option" → "a choice"). General word knowledge,
 * not drawn from the project's corpus; base forms only, as in the source.
 */
export const plainWords: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(patterns).flatMap(([word, pattern]): Array<[string, string]> => {
    if (!/^[a-z]+$/.test(word) || familiar.has(word)) return [];
    const override = overrides[word];
    if (override === null) return [];
    const plain =
      override ?? pattern.replace.find((option) => /^[a-z]+$/.test(option) && familiar.has(option));
    if (plain === undefined || sentimentClass(plain) !== sentimentClass(word)) return [];
    // A function word ('about', 'so') takes no article: no 'a'/'an' entry for it.
    if (startsWithVowel(word) === startsWithVowel(plain) || stopwords.has(plain)) return [[word, plain]];
    const article = (start: string) => (startsWithVowel(start) ? 'an' : 'a');
    return [
      [word, plain],
      [`${article(word)} ${word}`, `${article(plain)} ${plain}`],
    ];
  }),
);
