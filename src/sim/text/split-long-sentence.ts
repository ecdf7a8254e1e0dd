import { wordTags } from '../lexicon/word-classes.js';
import { BoundedCache } from './bounded-cache.js';
import { capitalize, countWords, danglingWords, ensureTerminal } from './sentences.js';
import { wordSet } from './word-set.js';

const coordinators = new Set(['and', '&', 'but', 'so', 'or', 'yet']);

/** Words that open a clause with its own subject ("..., and they moved"). */
const subjectStarts = wordSet(
  'i you he she it we they there this that these those the a an his her its our their my your one some many most each every people',
);

/** Subjects that open a clause even without a comma before the coordinator ("... and they moved"). */
const pronounSubjects = wordSet('i you he she it we they there');

const prepositions = wordSet(
  'in on at for from with between during over near across into through under about against along among around behind beyond toward towards within without by after before since until per via',
);

/** Finite verbs and auxiliaries common enough to tell that a run of words holds its main verb. */
export const finiteVerbs: ReadonlySet<string> = wordSet(
  'is are was were am be has have had do does did will would can could shall should may might must ' +
    'says said makes made takes took gives gave gets got goes went comes came shows showed finds found ' +
    'uses keeps kept leads led runs ran sees saw needs wants seems looks feels felt lives lies covers ' +
    'includes remains became becomes began begins helps won wins plans grew grows fell falls rose rises ' +
    'improves reduces increases achieves outperforms provides allows requires produces offers carries spans ' +
    'argues suggests reports describes introduces proposes presents combines learns predicts matches ' +
    'reaches contains causes creates builds works lets means brings holds stands moves changes',
);

const bare = (token: string) => token.toLowerCase().replace(/[^\p{L}&']/gu, '');

/**
 * True when the tokens hold a likely main verb: an auxiliary or common finite verb, or a word in -ed
 * that is not a participle before "by" ("used by" is not the sentence's verb).
 */
function holdsVerb(tokens: readonly string[], following: string | undefined): boolean {
  return tokens.some((token, index) => {
    const word = bare(token);
    if (finiteVerbs.has(word)) return true;
    const next = index + 1 < tokens.length ? bare(tokens[index + 1] ?? '') : bare(following ?? '');
    return index > 0 && /^\p{L}{3,}ed$/u.test(word) && next !== 'by';
  });
}

const auxiliaries = wordSet('is are was were be been being has have had');

/**
 * True when a run of words ends on a verb that needs what followed it: a common finite verb ("The bank
 * said", "The site has"), "to" and a verb ("plans to use"), or a word whose most likely tag is a
 * finite verb's (en-lexicon) not after an auxiliary ("was closed" is a whole passive).
 */
function endsOnBareVerb(tokens: readonly string[]): boolean {
  const last = bare(tokens[tokens.length - 1] ?? '');
  const before = bare(tokens[tokens.length - 2] ?? '');
  const [tag = ''] = wordTags(last);
  if (finiteVerbs.has(last)) return true;
  if (before === 'to' && tag.startsWith('VB')) return true;
  return /^VB[DZP]$/.test(tag) && !auxiliaries.has(before);
}

function wordCount(tokens: readonly string[]): number {
  return countWords(tokens.join(' '));
}

/** Parenthesis depth before each token (cuts never fall inside brackets). */
function depths(tokens: readonly string[]): number[] {
  let depth = 0;
  return tokens.map((token) => {
    const before = depth;
    depth = Math.max(0, depth + (token.match(/\(/g)?.length ?? 0) - (token.match(/\)/g)?.length ?? 0));
    return before;
  });
}

/**
 * Token indexes where a sentence splits into two clauses that each stand alone: after a semicolon or
 * a spaced dash, or before a coordinator that opens a clause with its own subject ("..., and they
 * moved", "... but it rained"). Both sides keep at least three words.
 */
function clauseCuts(tokens: readonly string[]): number[] {
  const depth = depths(tokens);
  const cuts: number[] = [];
  for (let index = 3; index <= tokens.length - 3; index += 1) {
    if ((depth[index] ?? 0) > 0) continue;
    const previous = tokens[index - 1] ?? '';
    const word = bare(tokens[index] ?? '');
    const next = bare(tokens[index + 1] ?? '');
    const nextToken = tokens[index + 1] ?? '';
    if (/[;—–]$/u.test(previous) || /^[—–]$/u.test(tokens[index] ?? '')) cuts.push(index);
    else if (coordinators.has(word)) {
      const opensClause =
        pronounSubjects.has(next) ||
        (/,$/.test(previous) && (subjectStarts.has(next) || /^\p{Lu}\p{Ll}/u.test(nextToken)));
      if (opensClause && wordCount(tokens.slice(index + 1)) >= 3) cuts.push(index);
      // "... and are urging parents": a second verb phrase, given a subject when split (`subjectFor`).
      else if (
        (word === 'and' || word === 'but') &&
        finiteVerbs.has(next) &&
        wordCount(tokens.slice(index + 1)) >= 4
      )
        cuts.push(index);
    }
  }
  return cuts;
}

/** Drop trailing punctuation runs and dangling function words from a run of tokens. */
function trimDangling(tokens: string[]): string[] {
  const copy = [...tokens];
  while (copy.length > 1) {
    const last = copy[copy.length - 1] ?? '';
    const word = bare(last);
    // NOTE: a number is kept ("I am 38."); only a run of punctuation goes.
    if (!/[\p{L}\p{N}]/u.test(last) || danglingWords.has(word)) copy.pop();
    else break;
  }
  return copy;
}

/** Turn a run of tokens into a sentence: no leading coordinator, capitalized, ending with `terminal`. */
/** The pronoun a verb phrase split off as a sentence gets: "is/has/was" → It, other verbs → They. */
function subjectFor(verb: string): string {
  return ['is', 'has', 'was', 'does'].includes(verb) ? 'It' : 'They';
}

function finish(tokens: readonly string[], terminal: string): string {
  let copy = [...tokens];
  if (copy.length > 1 && coordinators.has(bare(copy[0] ?? ''))) {
    copy.shift();
    const verb = bare(copy[0] ?? '');
    if (finiteVerbs.has(verb)) copy.unshift(subjectFor(verb));
  }
  copy = trimDangling(copy);
  const text = copy
    .join(' ')
    .replace(/[,;:—–\s]+$/u, '')
    .replace(/[.!?…]+["'”’)\]]*$/u, '');
  return capitalize(ensureTerminal(`${text}${terminal}`));
}

/** The end mark of a sentence (`.` when it has none). */
function endMark(sentence: string): string {
  return /([.!?…])["'”’)\]]*$/u.exec(sentence.trim())?.[1] ?? '.';
}

/**
 * Drop comma-delimited asides inside a sentence, longest first, while it is over `maxWords`: a relative
 * clause (", which opened in 1950,") or a short aside without its own verb (", 45, a teacher from Leeds,").
 */
function withoutAsides(tokens: readonly string[], maxWords: number): string[] {
  let current = [...tokens];
  while (wordCount(current) > maxWords) {
    const asides: { start: number; end: number }[] = [];
    for (let start = 1; start < current.length; start += 1) {
      if (!/,$/.test(current[start - 1] ?? '')) continue;
      const end = current.findIndex((token, index) => index >= start && /,$/.test(token));
      if (end < 0 || end === current.length - 1) continue;
      const inner = current.slice(start, end + 1);
      const relative = bare(inner[0] ?? '') in relativeSubjects;
      // An appositive is short ("a teacher from Leeds"); a long run between commas may be the main clause.
      const appositive = wordCount(inner) <= 6 && !holdsVerb(inner, current[end + 1]);
      if (relative || appositive) asides.push({ start, end });
    }
    const longest = asides.sort((left, right) => right.end - right.start - (left.end - left.start))[0];
    if (longest === undefined) break;
    const before = current.slice(0, longest.start);
    const last = before.length - 1;
    before[last] = (before[last] ?? '').replace(/,$/, '');
    current = [...before, ...current.slice(longest.end + 1)];
  }
  return current;
}

/**
 * Shorten a sentence to at most `maxWords` words the way an editor would: drop parenthetical asides,
 * then trailing phrases (from the last comma, preposition or conjunction that leaves at least three
 * words and the sentence's verb). When no such cut reaches the limit, the sentence comes back as
 * short as those cuts make it, possibly unchanged: cutting words would leave a fragment. A cut never
 * leaves a verb without its object ("The bank said."). Inner asides go first (`withoutAsides`). The result never ends on a
 * function word ("by.", "the.").
 *
 * @example
 * shortenSentence('Engineers closed the bridge over the Tamm River on Tuesday morning.', 8);
 * // 'Engineers closed the bridge over the Tamm River.'
 */
export function shortenSentence(sentence: string, maxWords: number): string {
  return memoized(shortened, maxWords).getOrSet(sentence, () => shorten(sentence, maxWords));
}

function shorten(sentence: string, maxWords: number): string {
  const mark = endMark(sentence);
  let tokens = sentence
    .replace(/\s*\([^()]*\)/g, '')
    .trim()
    .split(/\s+/);
  if (wordCount(tokens) <= maxWords) return finish(tokens, mark);
  tokens = withoutAsides(tokens, maxWords);
  if (wordCount(tokens) <= maxWords) return finish(tokens, mark);
  while (wordCount(tokens) > maxWords) {
    const depth = depths(tokens);
    let cut = -1;
    for (let index = tokens.length - 1; index >= 3; index -= 1) {
      if ((depth[index] ?? 0) > 0) continue;
      const word = bare(tokens[index] ?? '');
      const phraseStart =
        /,$/.test(tokens[index - 1] ?? '') || prepositions.has(word) || coordinators.has(word);
      if (!phraseStart) continue;
      const kept = trimDangling(tokens.slice(0, index));
      // A cut inside the subject ("The app used by | ...") would leave a fragment without its verb, and
      // one right after the verb ("The bank said | on Wednesday that...") a verb without its object.
      if (!holdsVerb(kept, tokens[index]) || endsOnBareVerb(kept)) continue;
      cut = index;
      if (wordCount(kept) <= maxWords) break;
    }
    if (cut < 0) break;
    tokens = trimDangling(tokens.slice(0, cut));
  }
  // NOTE: when no cut that keeps the verb reaches the limit, the sentence keeps what the cuts made of it
  // (still long): cutting words would leave a fragment.
  if (wordCount(tokens) >= wordCount(sentence.trim().split(/\s+/))) return sentence;
  return finish(trimDangling(tokens), mark === '?' ? '?' : mark === '!' ? '!' : '.');
}

/** Pronouns standing for a relative pronoun when its clause becomes a sentence of its own. */
const relativeSubjects: Readonly<Record<string, string>> = { which: 'It', who: 'They' };

/**
 * A non-restrictive relative clause (", which ...", ", who ...") turned into its own sentence:
 * "The app added a feature, which rounds up purchases." → "The app added a feature." "It rounds up
 * purchases." Returns undefined when there is none with three words on each side.
 */
function relativeSplit(tokens: readonly string[]): [string[], string[]] | undefined {
  const depth = depths(tokens);
  for (let index = 3; index <= tokens.length - 3; index += 1) {
    const subject = relativeSubjects[bare(tokens[index] ?? '')];
    if (subject === undefined || (depth[index] ?? 0) > 0 || !/,$/.test(tokens[index - 1] ?? '')) continue;
    // Only a subject relative ("which rounds up..."): in ", which the council plans to use" the
    // pronoun is the object, and "It the council plans to use" is no sentence.
    const next = bare(tokens[index + 1] ?? '');
    // A verb right after it: a common finite verb, a word most likely a verb, or a plural that is also a
    // verb's third person ("rounds").
    const [first = '', ...others] = wordTags(next);
    const finite =
      finiteVerbs.has(next) || /^(?:VB|MD)/.test(first) || (first === 'NNS' && others.includes('VBZ'));
    if (!finite && !next.endsWith('ed')) continue;
    const rest = tokens.slice(index + 1);
    // Stop the clause at its closing comma: "X, which opened in 1950, carries Y" stays one sentence.
    if (rest.slice(0, -1).some((token) => /,$/.test(token))) continue;
    return [tokens.slice(0, index), [subject, ...rest]];
  }
  return undefined;
}

function split(tokens: readonly string[], maxWords: number): string[][] {
  if (wordCount(tokens) <= maxWords) return [[...tokens]];
  const cuts = clauseCuts(tokens);
  if (cuts.length === 0) {
    const relative = relativeSplit(tokens);
    if (relative === undefined) return [[...tokens]];
    return [...split(relative[0], maxWords), ...split(relative[1], maxWords)];
  }
  const middle = tokens.length / 2;
  const cut = cuts.reduce((best, point) =>
    Math.abs(point - middle) < Math.abs(best - middle) ? point : best,
  );
  return [...split(tokens.slice(0, cut), maxWords), ...split(tokens.slice(cut), maxWords)];
}

/**
 * Split a sentence into sentences of at most `maxWords` words: at clause boundaries only (a semicolon,
 * a spaced dash, or a coordinator opening a clause with its own subject), nearest the middle first,
 * else at a relative clause (", which ..." becomes "It ...");
 * a clause still too long, or a sentence with no clause boundary, is shortened (`shortenSentence`)
 * rather than cut into fragments. Leading "and", "but", "so" of a piece are dropped; the last piece
 * keeps the original end mark.
 */
export function splitLongSentence(sentence: string, maxWords: number): string[] {
  return [...memoized(splitPieces, maxWords).getOrSet(sentence, () => splitLong(sentence, maxWords))];
}

function splitLong(sentence: string, maxWords: number): string[] {
  const tokens = sentence.trim().split(/\s+/);
  if (wordCount(tokens) <= maxWords) return [sentence];
  const mark = endMark(sentence);
  const pieces = split(tokens, maxWords);
  return pieces.map((piece, index) => {
    const terminal = index === pieces.length - 1 ? mark : '.';
    const text = finish(piece, terminal);
    return countWords(text) > maxWords ? shortenSentence(text, maxWords) : text;
  });
}

// NOTE: both are pure functions of (sentence, limit) that the length atoms ask again of the same draft
// sentences, and each tries many cuts (counting words each time): memoized per limit, keyed by the
// sentence itself (a concatenated key would be hashed anew on every lookup).
const shortened = new Map<number, BoundedCache<string, string>>();
const splitPieces = new Map<number, BoundedCache<string, readonly string[]>>();

function memoized<V>(
  caches: Map<number, BoundedCache<string, V>>,
  maxWords: number,
): BoundedCache<string, V> {
  let cache = caches.get(maxWords);
  if (cache === undefined) {
    cache = new BoundedCache<string, V>(4096);
    caches.set(maxWords, cache);
  }
  return cache;
}
