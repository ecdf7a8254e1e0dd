import { capitalize, countWords, ensureTerminal } from './sentences.js';

const coordinators = new Set(['and', '&', 'but', 'so', 'or', 'yet']);
const subordinators = new Set([
  'because',
  'which',
  'while',
  'when',
  'after',
  'before',
  'although',
  'though',
  'since',
  'where',
  'who',
  'until',
]);

const prepositions = new Set(
  'in on at for from with between during over near across into through under about against along among around behind beyond toward towards within without'.split(
    ' ',
  ),
);

/**
 * Token indexes where a sentence may be cut, best kind first: after a comma-like mark, before a
 * conjunction, before a preposition; never inside parentheses.
 */
function cutPoints(tokens: readonly string[]): number[][] {
  const kinds: number[][] = [[], [], []];
  let depth = 0;
  for (let index = 1; index < tokens.length; index += 1) {
    const previous = tokens[index - 1] ?? '';
    depth = Math.max(0, depth + (previous.match(/\(/g)?.length ?? 0) - (previous.match(/\)/g)?.length ?? 0));
    if (depth > 0) continue;
    const token = (tokens[index] ?? '').toLowerCase();
    const word = token === '&' ? token : token.replace(/[^\p{L}]/gu, '');
    if (/[,;:—–]$/u.test(previous)) kinds[0]?.push(index);
    else if (coordinators.has(word) || subordinators.has(word)) kinds[1]?.push(index);
    else if (prepositions.has(word)) kinds[2]?.push(index);
  }
  return kinds;
}

function wordCount(tokens: readonly string[]): number {
  return countWords(tokens.join(' '));
}

/** Turn a run of tokens into a sentence: no leading coordinator, capitalized, terminal punctuation. */
function finish(tokens: readonly string[], terminal: string | null): string {
  const copy = [...tokens];
  const first = (copy[0] ?? '').toLowerCase();
  if (copy.length > 1 && coordinators.has(first)) copy.shift();
  let text = copy.join(' ').replace(/[,;:—–\s]+$/u, '');
  if (terminal !== null) text = text.replace(/[.!?…]+$/u, '') + terminal;
  return capitalize(ensureTerminal(text));
}

function split(tokens: readonly string[], maxWords: number): string[][] {
  if (wordCount(tokens) <= maxWords) return [[...tokens]];
  const middle = tokens.length / 2;
  const candidates =
    cutPoints(tokens)
      .map((points) =>
        points.filter(
          (point) => wordCount(tokens.slice(0, point)) >= 2 && wordCount(tokens.slice(point)) >= 2,
        ),
      )
      .find((points) => points.length > 0) ?? [];
  let cut = Math.max(1, Math.min(tokens.length - 1, Math.round(middle)));
  if (candidates.length > 0) {
    cut = candidates.reduce((best, point) =>
      Math.abs(point - middle) < Math.abs(best - middle) ? point : best,
    );
  }
  return [...split(tokens.slice(0, cut), maxWords), ...split(tokens.slice(cut), maxWords)];
}

/**
 * Split a sentence into sentences of at most `maxWords` words, recursively: at the cut point of the
 * best kind (comma-like mark, then conjunction, then preposition) nearest the middle, else at the
 * middle word. Leading "and",
 * "but", "so" of a piece are dropped; the last piece keeps the original end mark.
 */
export function splitLongSentence(sentence: string, maxWords: number): string[] {
  const tokens = sentence.trim().split(/\s+/);
  if (wordCount(tokens) <= maxWords) return [sentence];
  const pieces = split(tokens, maxWords);
  return pieces.map((piece, index) => finish(piece, index === pieces.length - 1 ? null : '.'));
}
