import { Tiktoken } from 'js-tiktoken/lite';
import cl100kBase from 'js-tiktoken/ranks/cl100k_base';
import { BoundedCache } from '../text/bounded-cache.js';

let encoder: Tiktoken | undefined;
let piecePattern: RegExp | undefined;
const pieceCounts = new BoundedCache<string, number>(200_000);
const segmentCounts = new BoundedCache<string, number>(50_000);

function countPieces(text: string): number {
  encoder ??= new Tiktoken(cl100kBase);
  piecePattern ??= new RegExp(cl100kBase.pat_str, 'gu');
  let total = 0;
  for (const match of text.matchAll(piecePattern)) {
    const piece = match[0];
    let count = pieceCounts.get(piece);
    if (count === undefined) count = pieceCounts.set(piece, encoder.encode(piece, [], []).length);
    total += count;
  }
  return total;
}

/**
 * Number of cl100k_base tokens of a text (the GPT-4 tokenizer), exact and memoized. tiktoken
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
  for (const segment of text.split(/(?<=[\r\n])(?=\S)/u)) {
    total += segmentCounts.getOrSet(segment, () => countPieces(segment));
  }
  return total;
}
