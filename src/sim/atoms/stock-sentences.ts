import { withoutTrailingMarks } from '../text/sentences.js';

/**
 * The fixed sentences editors add. Each is at most 8 words and uses no contraction and nothing that
 * could be contracted, no "and", no first-person pronoun, no complex, negative, slang or US-only word,
 * so adding one never breaks an atom applied earlier (length, voice, vocabulary).
 */
export const stockSentences = {
  positiveSummary: 'This story has a bright side.',
  positiveEmail: 'Overall, this looks great.',
  emotions: 'Emotions run high.',
  reflection: 'Take a moment to reflect on your own life.',
  interactive: 'What do you think about that?',
  callToAction: 'Please reply with your thoughts by Friday.',
  respectful: 'Your time is greatly appreciated.',
  playful: 'Wow, what a ride!',
  storytelling: 'This story begins like a fairy tale.',
  childAudience: 'Listen up, kids!',
  immersive: 'Picture yourself right there.',
  inquisitive: 'Ever wondered how this works?',
  engaging: 'Some exciting news to share!',
  conversational: 'Honestly, here goes.',
  foreshadowing: 'The best part comes at the end.',
  personalized: 'This connects closely to your own work.',
  yourStory: 'This is your story.',
  remarkable: 'Truly remarkable!',
  moreSoon: 'Details follow; more soon.',
} as const;

function normalized(sentence: string): string {
  return sentence
    .replace(/\*\*/g, '')
    .replace(/&/g, 'and')
    .replace(/(\s*(#[\p{L}\p{N}_]+|\p{Extended_Pictographic}|\uFE0F|\u200D))+$/gu, '')
    .replace(/^Key point:\s*/i, '')
    .replace(/;/g, '.')
    .replace(/[.!?]+$/, '')
    .trim()
    .toLowerCase();
}

const known = new Set(Object.values(stockSentences).map(normalized));

/** True for a sentence an editor added (whatever later atoms did to its case or end mark). */
export function isStockSentence(sentence: string): boolean {
  return known.has(normalized(sentence));
}

/** A sentence without a "Key point: " label (the label parallel-structure adds), for counting words. */
export function withoutAddedLabel(sentence: string): string {
  return sentence.replace(/^(\*\*)?Key point(\*\*)?:\s*/i, '');
}

/**
 * A sentence's own words: without an added "Key point: " label, trailing hashtags and emojis, or a
 * "; more soon" / " & more" fragment.
 */
export function ownWords(sentence: string): string {
  return withoutTrailingMarks(withoutAddedLabel(sentence)).replace(
    /(;\s*more soon|\s&\s*more)(?=[.!?]?$)/i,
    '',
  );
}
