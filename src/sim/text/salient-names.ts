import { isNoun, isNounPhrase } from '../lexicon/word-classes.js';
import { BoundedCache } from './bounded-cache.js';
import { isCommonWord } from './common-words.js';
import { contentWords, stopwords } from './key-terms.js';
import { danglingWords, splitSentences } from './sentences.js';
import { finiteVerbs } from './split-long-sentence.js';
import { wordSet } from './word-set.js';

/**
 * Capitalized words that are not names even mid-sentence (pronoun I, salutations, weekdays and months
 * stay out: "Dear Mr Hallam" names Mr Hallam).
 */
const notNames = wordSet(
  'i dear hi hello hey monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december',
);

/**
 * The names of a text: runs of capitalized words that do not open a sentence ("Halvers Crossing",
 * "Tamm River"), most frequent first, ties by first occurrence. Acronyms count ("NASA"); a run is at
 * most three words.
 */
export function salientNames(text: string): string[] {
  const counts = new Map<string, { count: number; order: number }>();
  let order = 0;
  for (const line of text.split('\n')) {
    for (const sentence of splitSentences(line.replace(/^\s*(?:[-•*]|\d+[.)]|[QA]:)\s+/, ''))) {
      const tokens = sentence.split(/\s+/);
      let run: string[] = [];
      const close = () => {
        if (run.length > 0) {
          const name = run.join(' ');
          const entry = counts.get(name) ?? { count: 0, order: order++ };
          entry.count += 1;
          counts.set(name, entry);
        }
        run = [];
      };
      tokens.forEach((token, index) => {
        // Titles ("Dr.", "St.") belong to the name after them but end no run and start none.
        if (/^(Mr|Mrs|Ms|Dr|St|Prof|Mt)\.$/.test(token)) return;
        const word = /^\[|\]$/.test(token) ? '' : token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
        const capitalized = /^\p{Lu}[\p{L}\p{N}'’-]*$/u.test(word) && !notNames.has(word.toLowerCase());
        // A sentence opener is a name only when the next word is one too ("Northvale Rovers came...").
        const nextWord = (tokens[index + 1] ?? '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
        const opening =
          (index === 0 || /[:]$/.test(tokens[index - 1] ?? '')) && !/^\p{Lu}\p{Ll}/u.test(nextWord);
        if (capitalized && !opening && !stopwords.has(word.toLowerCase()) && run.length < 3) run.push(word);
        else close();
        if (/[,;:.!?)]$/.test(token)) close();
      });
      close();
    }
  }
  return [...counts.entries()]
    .sort((left, right) => right[1].count - left[1].count || left[1].order - right[1].order)
    .map(([name]) => name);
}

/** A salutation opening a letter ("Dear Mr Hallam,", "To Brightwell Lettings:"): not what it is about. */
const salutation = /^(?:(?:dear|hi|hello|hey)\b[^,:\n]{0,40}[,:]|to\s[^,:\n]{1,40}:)\s*/i;

/** Determiners and possessives before a subject's content words ("These overnight oats"). */
const determiners = wordSet('a an the this these that those our my your their his her its');

/**
 * What the text's first sentence is about: the words before its verb ("Table tennis, also known as
 * ping-pong, is a sport..." → "Table tennis", "These overnight oats need..." → "overnight oats"),
 * without determiners or a letter's salutation, when they are one to three content words.
 * Encyclopedia-like texts name their topic there rather than mid-sentence.
 */
export function openingSubject(text: string): string | undefined {
  const first = text
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-•*]|\d+[.)]|[QA]:)\s+/, '').trim())
    .find((line) => line !== '');
  const sentence = first === undefined ? undefined : splitSentences(first.replace(salutation, ''))[0];
  if (sentence === undefined) return undefined;
  const subject: string[] = [];
  for (const token of sentence.split(/\s+/)) {
    const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (word === '') continue;
    if (finiteVerbs.has(word.toLowerCase())) break;
    if (determiners.has(word.toLowerCase()) && subject.length === 0) continue;
    subject.push(word);
    if (/[,;:]$/.test(token)) break;
  }
  const content = subject.filter((word) => !stopwords.has(word.toLowerCase()));
  if (content.length === 0 || content.length !== subject.length || subject.length > 3) return undefined;
  // The opener is capitalized whatever it is: a common noun reads in lower case ("overnight oats").
  const [head = '', ...tail] = subject;
  const name = /^\p{Lu}/u.test(tail[0] ?? '') || (tail.length === 0 && !isCommonWord(head));
  return [name ? head : head.charAt(0).toLowerCase() + head.slice(1), ...tail].join(' ');
}

/** A person's title before a name ("Mr Hallam"): a topic or tag keeps the name alone. */
export const personTitle = /^(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+/;

/**
 * What a text is about, in its own words, most telling first: names it repeats ("Tamm River"), the
 * subject of its first sentence ("table tennis"), names it gives once, content words it repeats that
 * are not common words, then its longest uncommon content word. Never a lone common word ("minutes",
 * "large"), and a lower-case topic always reads as a noun phrase (`isNounPhrase`: not "completely",
 * "easier", "just published"). Deduplicated; may be empty for a text of common words only.
 *
 * @example
 * salientTopics('Engineers closed the Halvers Crossing bridge. Halvers Crossing reopens soon.')[0];
 * // 'Halvers Crossing'
 */
export function salientTopics(text: string): string[] {
  return [...topicCache.getOrSet(text, () => readTopics(text))];
}

const topicCache = new BoundedCache<string, readonly string[]>(4096);

function readTopics(text: string): string[] {
  const names = salientNames(text);
  const counts = new Map<string, number>();
  for (const name of names)
    counts.set(name, (text.match(new RegExp(`\\b${escaped(name)}\\b`, 'g')) ?? []).length);
  const repeatedNames = names.filter((name) => (counts.get(name) ?? 0) >= 2);
  const subject = openingSubject(text);
  const words = contentWords(text, 5).filter(
    (word) => /^\p{L}+$/u.test(word) && !isCommonWord(word) && !danglingWords.has(word) && isNoun(word),
  );
  const wordCounts = new Map<string, number>();
  for (const word of words) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1);
  const repeatedWords = words.filter((word) => (wordCounts.get(word) ?? 0) >= 2);
  const longest = [...words].sort((left, right) => right.length - left.length).slice(0, 1);
  const singleCommon = (topic: string) => !topic.includes(' ') && isCommonWord(topic);
  // A lower-case topic is a common noun phrase or nothing ("the easier", "the just published" are not).
  const readsAsNoun = (topic: string) => !/^\p{Ll}/u.test(topic) || isNounPhrase(topic);
  const candidates = [...repeatedNames, ...(subject === undefined ? [] : [subject]), ...names].filter(
    (topic) => !singleCommon(topic) && topic.length > 1,
  );
  return [...new Set([...candidates, ...repeatedWords, ...longest])].filter(readsAsNoun);
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A hashtag for a text, from its own salient words (`salientTopics`), never a common one: its most
 * repeated name (`#HalversCrossing`), else the subject of its first sentence (`#TableTennis`), else a
 * name, else an uncommon word it repeats or its longest uncommon word. Undefined for a text with none.
 */
export function hashtagOf(text: string): string | undefined {
  const pick = salientTopics(text)[0]?.replace(personTitle, '');
  if (pick === undefined || pick === '') return undefined;
  const joined = pick
    .split(/[\s'’-]+/)
    .map((part) => (part === part.toUpperCase() ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
  return `#${joined.replace(/[^\p{L}\p{N}_]/gu, '')}`;
}
