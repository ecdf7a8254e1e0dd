import { daleChall } from 'dale-chall';
import { stopwords } from '../lexicon/stop-words.js';

/** The New Dale–Chall list (`dale-chall`, npm, MIT licence): about 3,000 words familiar to children. */
const familiar: ReadonlySet<string> = new Set(daleChall);

/** A word's dictionary candidates: itself and the stems of its regular inflections. */
function stems(word: string): string[] {
  const candidates = [word];
  if (word.endsWith('ies')) candidates.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) candidates.push(word.slice(0, -2));
  if (word.endsWith('s')) candidates.push(word.slice(0, -1));
  if (word.endsWith('ed')) candidates.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith('ing')) candidates.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  if (word.endsWith('ly')) candidates.push(word.slice(0, -2));
  return candidates;
}

/**
 * True for a common word: a stop word or a word (or an inflection of one) on the Dale–Chall list of
 * familiar words ("large", "minutes", "father"). A hashtag or an added sentence's topic made of one
 * such word says nothing about the document ("#Large", "good news for minutes").
 *
 * @example
 * isCommonWord('Minutes'); // true
 * isCommonWord('lentil'); // false
 */
export function isCommonWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/’/g, "'");
  return stopwords.has(lower) || stems(lower).some((stem) => familiar.has(stem));
}
