import { createRequire } from 'node:module';

/**
 * Word classes from `en-lexicon` (npm, Alex Corvi, MIT licence): about 112,000 English words with
 * their Penn Treebank tags, most likely first ("comb" → "NN|VB", "easier" → "JJR|RBR"). Loaded on
 * first use: the table takes about half a second to load and most texts never need it.
 */
let tags: Readonly<Record<string, string>> | undefined;

function lexicon(): Readonly<Record<string, string>> {
  if (tags === undefined) {
    const loaded = createRequire(import.meta.url)('en-lexicon') as { lexicon: Record<string, string> };
    tags = loaded.lexicon;
  }
  return tags;
}

/**
 * Loads the table now rather than in the first request that reads a word's class (a server calls it
 * before listening, as it builds the offline writer's tokenizer).
 */
export function warmUpWordClasses(): void {
  lexicon();
}

/** The word's tags, most likely first; empty for a word the lexicon does not know. */
export function wordTags(word: string): string[] {
  const found = lexicon()[word.toLowerCase().replace(/’/g, "'")];
  return typeof found === 'string' ? found.split('|') : [];
}

/** Endings of adverbs, participles and adjectives, for words the lexicon does not know. */
const notNounEnding = /(?:ly|ing|ed|ic|al|ous|ive|ful|able|ible|ish|less)$/;

/**
 * True when a common word (lower case) reads as a noun with "the" before it: the lexicon gives it a
 * noun's tag (NN, NNS) and its most likely tag is not an adverb's or adjective's ("neighbour" is
 * VB|NN, "common" JJ|NN); for a word the lexicon does not know, it has no adverb, participle or
 * adjective ending. A gerund is never one ("the snoring").
 *
 * @example
 * isNoun('battery'); // true
 * isNoun('completely'); // false
 */
export function isNoun(word: string): boolean {
  const lower = word.toLowerCase();
  if (lower.endsWith('ing')) return false;
  const tags = wordTags(lower);
  if (tags.length === 0) return !notNounEnding.test(lower);
  return tags.some((tag) => tag === 'NN' || tag === 'NNS') && !/^(?:RB|JJ)/.test(tags[0] ?? '');
}

/**
 * True when a lower-case phrase reads as a noun phrase to put in a sentence ("the steam engine",
 * "new paper"): its last word is a noun (`isNoun`) and no word before it is most likely an adverb or
 * a verb ("just published", "four years ago" are not).
 */
export function isNounPhrase(phrase: string): boolean {
  const words = phrase.split(/\s+/).filter((word) => word !== '');
  const last = words[words.length - 1];
  if (last === undefined || !isNoun(last)) return false;
  return words.slice(0, -1).every((word) => {
    const [first = ''] = wordTags(word);
    return !/^(?:RB|VB)/.test(first);
  });
}
