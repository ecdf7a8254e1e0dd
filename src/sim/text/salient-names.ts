import { contentWords, stopwords } from './key-terms.js';
import { splitSentences } from './sentences.js';
import { finiteVerbs } from './split-long-sentence.js';

/** Capitalized words that are not names even mid-sentence (pronoun I, weekdays and months stay out). */
const notNames = new Set(
  'i monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(
    ' ',
  ),
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

/**
 * What the text's first sentence is about: the words before its verb ("Table tennis, also known as
 * ping-pong, is a sport..." → "Table tennis"), without articles, when they are one to three content
 * words. Encyclopedia-like texts name their topic there rather than mid-sentence.
 */
export function openingSubject(text: string): string | undefined {
  const first = text
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[-•*]|\d+[.)]|[QA]:)\s+/, '').trim())
    .find((line) => line !== '');
  const sentence = first === undefined ? undefined : splitSentences(first)[0];
  if (sentence === undefined) return undefined;
  const subject: string[] = [];
  for (const token of sentence.split(/\s+/)) {
    const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (word === '') continue;
    if (finiteVerbs.has(word.toLowerCase())) break;
    if (/^(a|an|the)$/i.test(word) && subject.length === 0) continue;
    subject.push(word);
    if (/[,;:]$/.test(token)) break;
  }
  const content = subject.filter((word) => !stopwords.has(word.toLowerCase()));
  if (content.length === 0 || content.length !== subject.length || subject.length > 3) return undefined;
  return subject.join(' ');
}

/**
 * A hashtag for a text, from its own salient words, never a common one: its most frequent name
 * (`#HalversCrossing`), else the subject of its first sentence (`#TableTennis`), else a content word
 * it repeats, else its longest content word (a long word is a specific one). Undefined for a text
 * with no content word.
 */
export function hashtagOf(text: string): string | undefined {
  const [name] = salientNames(text);
  const pick =
    name ??
    openingSubject(text) ??
    (() => {
      const words = contentWords(text, 4).filter((word) => /^\p{L}+$/u.test(word));
      const counts = new Map<string, number>();
      for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
      const repeated = words.find((word) => (counts.get(word) ?? 0) >= 2);
      return repeated ?? [...words].sort((left, right) => right.length - left.length)[0];
    })();
  if (pick === undefined || pick === '') return undefined;
  const joined = pick
    .split(/[\s'’-]+/)
    .map((part) => (part === part.toUpperCase() ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
  return `#${joined}`;
}
