import { Tiktoken } from 'js-tiktoken/lite';
import cl100kBase from 'js-tiktoken/ranks/cl100k_base';
import { BoundedCache } from '../text/bounded-cache.js';

let encoder: Tiktoken | undefined;
let piecePattern: RegExp | undefined;
const pieceCounts = new BoundedCache<string, number>(200_000);
const segmentCounts = new BoundedCache<string, number>(50_000);

/**
 * Longest piece byte-pair encoded whole; longer ones are counted chunk by chunk. js-tiktoken's merge
 * loop is quadratic in a piece's length: a 4,000-letter word took 1.5 s whole, and 100,000 random
 * letters take 0.4 s in 64-character chunks (1.6 s in 256-character ones).
 */
const MAX_EXACT_PIECE_LENGTH = 64;
/** Longest segment kept in the cache (the cache is bounded by entries, so entries must be small). */
const MAX_CACHED_SEGMENT_LENGTH = 4_096;

/**
 * Builds the tokenizer now (about 0.6 s, once per process) rather than inside the first count: a
 * server calls it before listening, so no request waits for it with the event loop blocked.
 */
export function warmUpTokenCounter(): void {
  encoder ??= new Tiktoken(cl100kBase);
}

function encodedLength(piece: string): number {
  encoder ??= new Tiktoken(cl100kBase);
  let count = pieceCounts.get(piece);
  if (count === undefined) count = pieceCounts.set(piece, encoder.encode(piece, [], []).length);
  return count;
}

function countLongPiece(piece: string): number {
  let total = 0;
  for (let start = 0; start < piece.length;) {
    let end = Math.min(piece.length, start + MAX_EXACT_PIECE_LENGTH);
    const last = piece.charCodeAt(end - 1);
    if (end < piece.length && last >= 0xd800 && last <= 0xdbff) end -= 1; // keep a surrogate pair whole
    total += encodedLength(piece.slice(start, end));
    start = end;
  }
  return total;
}

function countPieces(text: string): number {
  piecePattern ??= new RegExp(cl100kBase.pat_str, 'gu');
  let total = 0;
  for (const match of text.matchAll(piecePattern)) {
    const piece = match[0];
    total += piece.length > MAX_EXACT_PIECE_LENGTH ? countLongPiece(piece) : encodedLength(piece);
  }
  return total;
}

/**
 * Number of cl100k_base tokens of a text (the GPT-4 tokenizer), memoized; exact unless a single piece
 * (a run of letters, of punctuation or of spaces) is longer than 64 characters: such a piece is
 * counted in 64-character chunks (up to 30 % more tokens), so the time stays linear in the text. tiktoken
 * byte-pair encodes each pre-tokenization piece (its `pat_str` regular expression) on its own, and
 * no piece spans a position that follows a line break and precedes a non-space character; so the
 * text is cut into lines at such positions, and line and piece counts are cached and summed. Prompts
 * re-render the same article lines many times, which makes counting them nearly free. Special-token
 * strings such as "<|endoftext|>" count as plain text.
 *
 * @example
 * countTokens('hello world'); // 2
 */
export function countTokens(text: string): number {
  if (text === '') return 0;
  let total = 0;
  // NOTE: the cuts of `text.split(/(?<=[\r\n])(?=\S)/u)`, found by a scan (the regular expression
  // took a tenth of the counting).
  let start = 0;
  for (let index = 1; index < text.length; index++) {
    const before = text.charCodeAt(index - 1);
    if ((before === 10 || before === 13) && !isWhiteSpace(text.charCodeAt(index))) {
      total += countSegment(text.slice(start, index));
      start = index;
    }
  }
  return total + countSegment(start === 0 ? text : text.slice(start));
}

function countSegment(segment: string): number {
  return segment.length > MAX_CACHED_SEGMENT_LENGTH
    ? countPieces(segment)
    : segmentCounts.getOrSet(segment, () => countPieces(segment));
}

/** Whether a UTF-16 code unit is matched by `\s` in a regular expression (every one is in the BMP). */
function isWhiteSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
