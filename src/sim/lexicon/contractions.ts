import wordLookup from 'contractions/lib/word-lookup.js';

/**
 * English contractions from the `contractions` package (James Hight, npm, Apache-2.0 licence; 130
 * entries): general word knowledge, not drawn from the project's corpus. Kept: plain contractions of
 * two words with one apostrophe (`don't`, `I'm`, `they'll`), which leaves out slang (`gonna`, `sup`),
 * double contractions (`wouldn't've`), `o'clock`, `ma'am` and `'tis`.
 */
const plain: ReadonlyMap<string, string> = new Map(
  Object.entries(wordLookup).filter(
    ([short, long]) =>
      /^[a-z]+'[a-z]+$/.test(short) &&
      long.split(' ').length === 2 &&
      !["aimn't", "not've"].includes(short) &&
      // NOTE: "someone's", "somebody's", "something's" read as possessives far more often than "is".
      !/^some(one|body|thing)'s$/.test(short),
  ),
);

/** Expansions the package words differently: "cannot" is the written form, "ain't" mostly stands for "is not". */
const expansionOverrides: Readonly<Record<string, string>> = { "can't": 'cannot', "ain't": 'is not' };

/** Contraction → expanded form, lower case (professional tone expands them). */
export const contractionExpansions: Readonly<Record<string, string>> = Object.fromEntries(
  [...plain].map(([short, long]) => [short, expansionOverrides[short] ?? long]),
);

const personal = new Set(['i', 'you', 'he', 'she', 'it', 'we', 'they']);
const asksOrPoints = new Set(['that', 'there', 'here', 'what', 'who', 'where', 'how', 'when', 'why']);

/** Contractions rare in writing or wrong as a rule ("let us know" is not "let's know"). */
const neverContracted = new Set(["ain't", "y'all", "let's", "mightn't", "oughtn't"]);

/**
 * Uncontracted phrase → contraction (an informal writer contracts), lower case. Only the forms usual
 * in writing: "not" contractions, a personal pronoun with am/are/is/will/would, and "'s" after
 * that/there/what/who... Left uncontracted: "have" ("I have two" is not "I've two"), "did"
 * ("where'd"), "'re" after question words ("what're"), dialect ("ain't", "y'all") and "let us".
 */
export const phraseContractions: Readonly<Record<string, string>> = Object.fromEntries([
  ['cannot', "can't"],
  ...[...plain]
    .filter(([short, long]) => {
      const [first = '', second = ''] = long.split(' ');
      if (neverContracted.has(short) || second === 'have' || second === 'did') return false;
      if (short.endsWith("n't")) return true;
      if (personal.has(first)) return true;
      return asksOrPoints.has(first) && short.endsWith("'s");
    })
    .map(([short, long]) => [long, short]),
]);
