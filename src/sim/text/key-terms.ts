import { wordsOf } from './sentences.js';

/** Common English function words, ignored when scoring salience and picking key terms. */
export const stopwords: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having ' +
    'he her here hers herself him himself his how i if in into is it its itself just me more most my myself no ' +
    'nor not now of off on once only or other our ours ourselves out over own same she should so some such than ' +
    'that the their theirs them themselves then there these they this those through to too under until up very ' +
    'was we were what when where which while who whom why will with would you your yours yourself yourselves ' +
    'said says one two three also would could may might must shall us get got like well even still much many ' +
    'new first last year years day days time way back around since per via within without another every ' +
    "i'm it's don't can't didn't doesn't isn't wasn't won't i've i'd i'll you're they're we're that's there's"
  ).split(' '),
);

/** Lower-cased content words of a text (no stopwords, at least `minLength` letters). */
export function contentWords(text: string, minLength = 3): string[] {
  return wordsOf(text)
    .map((word) => word.toLowerCase().replace(/’/g, "'"))
    .filter((word) => word.length >= minLength && !stopwords.has(word) && /\p{L}/u.test(word));
}

/**
 * The `count` most frequent content words of at least `minLength` letters (letters only, no
 * apostrophe or hyphen), most frequent first, ties broken by first occurrence. Deterministic.
 */
export function keyTerms(text: string, count: number, minLength = 5): string[] {
  const frequency = new Map<string, number>();
  for (const word of contentWords(text, minLength)) {
    if (/^\p{L}+$/u.test(word)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  return [...frequency.entries()]
    .map(([word, times], order) => ({ word, times, order }))
    .sort((left, right) => right.times - left.times || left.order - right.order)
    .slice(0, count)
    .map((entry) => entry.word);
}
