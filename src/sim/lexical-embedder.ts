import { BoundedCache } from './text/bounded-cache.js';
import { InvalidInputError, type Embedder } from '../spec/index.js';

/**
 * Words read per text. NOTE: the paper's context encoders (BERT, MPNet) cut inputs at 512 tokens; this
 * embedder cuts at 512 words, its own unit, so that long contexts are compared on their opening part
 * as with those encoders.
 */
export const maxWords = 512;

const defaultDimensions = 2 ** 12;
const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/**
 * FNV-1a, 32-bit, over the UTF-8 bytes of `text`: a fixed, platform-independent hash.
 *
 * @example
 * fnv1a32('a'); // 0xe40c292c
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    let point = text.charCodeAt(index);
    if (point < 0x80) {
      hash = Math.imul(hash ^ point, 0x01000193);
      continue;
    }
    // Combine a surrogate pair into one code point (a lone surrogate is encoded as itself).
    const next = text.charCodeAt(index + 1);
    if (point >= 0xd800 && point < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
      point = 0x10000 + ((point - 0xd800) << 10) + (next - 0xdc00);
      index += 1;
    }
    const bytes =
      point < 0x800
        ? [0xc0 | (point >> 6), 0x80 | (point & 0x3f)]
        : point < 0x10000
          ? [0xe0 | (point >> 12), 0x80 | ((point >> 6) & 0x3f), 0x80 | (point & 0x3f)]
          : [
              0xf0 | (point >> 18),
              0x80 | ((point >> 12) & 0x3f),
              0x80 | ((point >> 6) & 0x3f),
              0x80 | (point & 0x3f),
            ];
    for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193);
  }
  return hash >>> 0;
}

/** Lower-cased words of `text` (all of them; callers truncate). */
function words(text: string): string[] {
  return text.toLowerCase().match(wordPattern) ?? [];
}

/** Hashes of the unigrams and bigrams of the first `maxWords` words, with their counts. */
function termCounts(text: string, allWords: readonly string[] = words(text)): Map<number, number> {
  const kept = allWords.slice(0, maxWords);
  const counts = new Map<number, number>();
  const add = (term: string) => {
    const hash = fnv1a32(term);
    counts.set(hash, (counts.get(hash) ?? 0) + 1);
  };
  kept.forEach((word, index) => {
    add(word);
    if (index > 0) add(`${kept[index - 1]} ${word}`);
  });
  // NOTE: a text without words (only punctuation or symbols) is represented by its trimmed self, so
  // that every non-blank text gets a unit vector.
  if (counts.size === 0) add(text.trim());
  return counts;
}

/**
 * Hashes of a text's form, with counts: character trigrams of its first 3,000 characters with letters
 * folded to their case class and digits to "9" ("Xxx", "x: ", "- X"), so that layout, punctuation and
 * casing habits (notes with "Key: value" lines, a list, a chatty first person) weigh apart from topic.
 */
function formCounts(text: string): Map<number, number> {
  const folded = text
    .slice(0, 3000)
    .replace(/\p{Lu}/gu, 'X')
    .replace(/\p{Ll}+/gu, (run) => (run.length <= 3 ? run : 'x'))
    .replace(/\p{N}+/gu, '9')
    .replace(/[ \t]+/g, ' ');
  const counts = new Map<number, number>();
  for (let index = 0; index + 3 <= folded.length; index += 1) {
    const hash = fnv1a32(`§${folded.slice(index, index + 3)}`);
    counts.set(hash, (counts.get(hash) ?? 0) + 1);
  }
  return counts;
}

/** Smoothed inverse document frequency, ln((1 + N) / (1 + df)) + 1, keyed by term hash. */
function inverseDocumentFrequency(
  corpus: readonly string[],
  countsOf: (text: string) => Map<number, number> = termCounts,
): (hash: number) => number {
  const documentFrequency = new Map<number, number>();
  for (const document of corpus) {
    for (const hash of countsOf(document).keys()) {
      documentFrequency.set(hash, (documentFrequency.get(hash) ?? 0) + 1);
    }
  }
  const size = corpus.length;
  return (hash) => Math.log((1 + size) / (1 + (documentFrequency.get(hash) ?? 0))) + 1;
}

export interface LexicalEmbedderOptions {
  /** Vector length (default 2^12 = 4096); an integer >= 2. */
  readonly dimensions?: number;
  /** Texts to learn inverse document frequencies from; without it every term weighs the same. */
  readonly idfCorpus?: readonly string[];
  /** Share of the squared length given to the text's form (`formCounts`), from 0 to 1 (default 0.5). */
  readonly formWeight?: number;
}

/**
 * An `Embedder` that runs anywhere, offline and deterministically. Two parts, each a unit vector, mixed
 * by `formWeight` (half each by default) and L2-normalised:
 * - topic: lower-cased word unigrams and bigrams of the first 512 words;
 * - form: character trigrams of the text with long words folded to their case class (`formCounts`),
 *   so that a genre's layout, punctuation and function words count as the paper's sentence encoders
 *   (BERT, MPNet) would see them, not only its topic words.
 * Each part hashes (FNV-1a) into `dimensions` buckets with a sign taken from the hash (so collisions
 * tend to cancel rather than add up), weighted by sublinear term frequency (1 + ln tf) times the
 * smoothed idf learned from `idfCorpus` when given.
 * `usage.tokens` is the number of words in the inputs (before truncation).
 *
 * @example
 * const embedder = createLexicalEmbedder({ idfCorpus: pastContexts });
 * const { embeddings } = await embedder.embed({ values: ['Summarise this article', 'Write an email'] });
 */
export function createLexicalEmbedder(options: LexicalEmbedderOptions = {}): Embedder {
  const dimensions = options.dimensions ?? defaultDimensions;
  if (!Number.isInteger(dimensions) || dimensions < 2) {
    throw new InvalidInputError({
      field: 'dimensions',
      value: options.dimensions,
      accepted: 'an integer >= 2',
    });
  }
  if (options.idfCorpus !== undefined) {
    options.idfCorpus.forEach((document, index) => {
      if (typeof document !== 'string') {
        throw new InvalidInputError({ field: `idfCorpus[${index}]`, value: document, accepted: 'a string' });
      }
    });
  }
  const formWeight = options.formWeight ?? 0.5;
  if (!(formWeight >= 0 && formWeight <= 1)) {
    throw new InvalidInputError({
      field: 'formWeight',
      value: options.formWeight,
      accepted: 'a number from 0 to 1',
    });
  }
  const idf = options.idfCorpus === undefined ? () => 1 : inverseDocumentFrequency(options.idfCorpus);
  const formIdf =
    options.idfCorpus === undefined ? () => 1 : inverseDocumentFrequency(options.idfCorpus, formCounts);

  /** The unit vector of weighted counts, hashed into the buckets (all zeros for no counts). */
  const unitVector = (counts: Map<number, number>, weight: (hash: number) => number): Float64Array => {
    const vector = new Float64Array(dimensions);
    const place = (signed: boolean) => {
      vector.fill(0);
      for (const [hash, count] of counts) {
        const sign = signed && hash >>> 31 === 1 ? -1 : 1;
        const index = hash % dimensions;
        vector[index] = (vector[index] as number) + sign * (1 + Math.log(count)) * weight(hash);
      }
      let squares = 0;
      for (const value of vector) squares += value * value;
      return Math.sqrt(squares);
    };
    let length = place(true);
    // NOTE: signed collisions can cancel to the zero vector in rare cases; then drop the signs.
    if (length === 0) length = place(false);
    if (length > 0)
      for (let index = 0; index < dimensions; index += 1) vector[index] = (vector[index] as number) / length;
    return vector;
  };

  // NOTE: the embedding is a pure function of the text: a bench embeds the same contexts round after
  // round, learner after learner.
  const cache = new BoundedCache<string, { readonly embedding: readonly number[]; readonly tokens: number }>(
    4096,
  );

  const embedOne = (text: string, textWords: readonly string[]): number[] => {
    const topic = unitVector(termCounts(text, textWords), idf);
    if (formWeight === 0) return Array.from(topic);
    const form = unitVector(formCounts(text), formIdf);
    const mixed = topic.map(
      (value, index) => Math.sqrt(1 - formWeight) * value + Math.sqrt(formWeight) * (form[index] as number),
    );
    let squares = 0;
    for (const value of mixed) squares += value * value;
    const length = Math.sqrt(squares) || 1;
    return Array.from(mixed, (value) => value / length);
  };

  return {
    provider: 'tailor',
    modelId:
      formWeight === 0
        ? `lexical-tfidf-${dimensions}`
        : `lexical-tfidf-form${Math.round(formWeight * 100)}-${dimensions}`,
    async embed({ values, abortSignal }) {
      abortSignal?.throwIfAborted();
      values.forEach((value, index) => {
        if (typeof value !== 'string' || value.trim() === '') {
          throw new InvalidInputError({
            field: `values[${index}]`,
            value,
            accepted: 'a string with at least one non-whitespace character',
          });
        }
      });
      const embeddings: number[][] = [];
      let tokens = 0;
      for (const value of values) {
        abortSignal?.throwIfAborted();
        const known = cache.getOrSet(value, () => {
          const valueWords = words(value);
          return { embedding: embedOne(value, valueWords), tokens: valueWords.length };
        });
        embeddings.push(known.embedding.slice());
        tokens += known.tokens;
      }
      return { embeddings, usage: { tokens } };
    },
  };
}
