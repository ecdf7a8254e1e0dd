import { addSentence, mapSentences, messageText } from '../text/body-edits.js';
import { escapeRegExp, wordReplacer } from '../text/replace-words.js';
import { capitalize } from '../text/sentences.js';
import { editDocument, readDocument } from '../text/text-document.js';
import { stockSentence } from './stock-sentences.js';
import { defineAtom } from './style-atom.js';
import {
  closingKey,
  complexWords,
  contractions,
  expansions,
  formalWords,
  professionalClosings,
  slangWords,
} from './word-tables.js';

const simplify = wordReplacer(complexWords);
const contract = wordReplacer(contractions, { notBefore: '\\s*[.,!?;:]' });
const expand = wordReplacer(expansions);
const deslang = wordReplacer(slangWords);
const deformalize = wordReplacer(formalWords);
const emoji = /\s?(?:\p{Extended_Pictographic}|\uFE0F|\u200D)+/gu;

/** Pronoun table replacer: replacements are lower case; sentence starts are re-capitalized. */
function pronounSwap(table: Readonly<Record<string, string>>) {
  const keys = Object.keys(table).sort((left, right) => right.length - left.length);
  const pattern = new RegExp(
    `(?<![\\p{L}'’])(${keys.map((key) => escapeRegExp(key).replace(/'/g, "['’]").replace(/ /g, '\\s+')).join('|')})(?![\\p{L}]|['’]\\p{L})`,
    'giu',
  );
  const swap = (sentence: string) => {
    const swapped = sentence.replace(pattern, (found) => {
      if (found === 'US') return found;
      const key = found.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');
      return table[key] ?? found;
    });
    return /^[^\p{L}]*\p{Lu}/u.test(sentence) ? capitalize(swapped) : swapped;
  };
  const test = (text: string) => {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) if (match[0] !== 'US') return true;
    return false;
  };
  return { swap, test };
}

const firstToSecond = pronounSwap({
  'i am': 'you are',
  'i was': 'you were',
  "i'm": "you're",
  "i've": "you've",
  "i'll": "you'll",
  "i'd": "you'd",
  i: 'you',
  me: 'you',
  my: 'your',
  mine: 'yours',
  myself: 'yourself',
});
const firstToThird = pronounSwap({
  'i am': 'they are',
  'i was': 'they were',
  "i'm": "they're",
  "i've": "they've",
  "i'll": "they'll",
  "i'd": "they'd",
  i: 'they',
  me: 'them',
  my: 'their',
  mine: 'theirs',
  myself: 'themselves',
  we: 'they',
  us: 'them',
  our: 'their',
  ours: 'theirs',
  ourselves: 'themselves',
  "we're": "they're",
  "we've": "they've",
  "we'll": "they'll",
  "we'd": "they'd",
});
const firstPersonSingular = /(?<![\p{L}'’])(i|me|my|mine|myself|i['’](m|ve|ll|d))(?![\p{L}]|['’]\p{L})/iu;
const secondPersonWord = /\b(you|your|yours|yourself)\b/i;

function isFormalClosing(closing: string | null): boolean {
  return closing !== null && professionalClosings.includes(closingKey(closing));
}

/** Atoms about wording and voice, applied after the length atoms. */
export const voiceAtoms = [
  defineAtom('simple-english', {
    unwanted: { when: 'never', why: 'Plain words are not a marked feature.' },
    phrases: [
      'simple English',
      'simple language',
      'simple words',
      'plain English',
      'easy words',
      'young children',
      'targeted to young children',
    ],
    meaning:
      "No complex word: one of retext-simplify's plain-English entries that is not on the Dale–Chall list of familiar words (utilize, demonstrate, numerous, facilitate, subsequently...). The editor replaces each with its first familiar one-word suggestion (use, prove, many, help, after...).",
    detect: (text) => !simplify.test(text),
    // NOTE: a sentence-final "however" becomes "but", which cannot end a sentence: it goes.
    edit: (text) => simplify.replace(text).replace(/,\s+(but|so)([.!?])(?=\s|$)/g, '$2'),
  }),
  defineAtom('second-person', {
    unwanted: {
      when: 'never',
      why: "Narration is settled by the user's own voice atoms (third person conflicts with it).",
    },
    phrases: [
      'second person narrative',
      'second person',
      'second-person',
      'addressing the reader as you',
      'you perspective',
    ],
    meaning:
      'Told to "you": in the message (greeting and sign-off aside), no first-person singular pronoun (I, me, my, mine, myself) and at least one you/your. The editor swaps first-person singular pronouns for second-person ones (I am → you are) and, if still no "you", adds "This is your story about {topic}." first.',
    conflicts: ['third-person'],
    detect: (text) => {
      const message = messageText(readDocument(text));
      return !firstPersonSingular.test(message) && secondPersonWord.test(message);
    },
    edit: (text) =>
      editDocument(text, (document) => {
        mapSentences(document, firstToSecond.swap);
        const plain = messageText(document);
        if (!secondPersonWord.test(plain)) addSentence(document, stockSentence('yourStory', text), 'start');
      }),
  }),
  defineAtom('third-person', {
    unwanted: { when: 'never', why: 'The default voice of a summary.' },
    phrases: ['third person narrative', 'third person', 'third-person', 'narrated in the third person'],
    meaning:
      'No first-person pronoun, singular or plural (I, me, my, we, us, our...), in the message (greeting and sign-off aside). The editor swaps them for they/them/their (I am → they are).',
    conflicts: ['second-person'],
    detect: (text) => !firstToThird.test(messageText(readDocument(text))),
    edit: (text) => editDocument(text, (document) => mapSentences(document, firstToThird.swap)),
  }),
  defineAtom('informal', {
    unwanted: {
      when: 'never',
      why: "Tone clashes are settled by the user's own tone atoms (professional tone conflicts with it).",
    },
    phrases: ['informal', 'casual', 'casual tone', 'relaxed', 'laid back', 'friendly tone'],
    meaning:
      'Contractions wherever they fit (no "I am", "do not", "it is" left uncontracted), no formal word (regarding, however, therefore, kindly, would like to...), no "Dear" greeting and no formal sign-off (Best regards, Sincerely). The editor contracts, swaps formal words, turns "Dear X," into "Hi X," and a formal sign-off into "Best,".',
    conflicts: ['professional-tone', 'professional-greeting', 'professional-closing'],
    detect: (text) => {
      const document = readDocument(text);
      if (document.greeting !== null && /^dear\b/i.test(document.greeting)) return false;
      if (isFormalClosing(document.closing)) return false;
      return !contract.test(text) && !deformalize.test(text);
    },
    edit: (text) =>
      editDocument(text, (document) => {
        if (document.greeting !== null) document.greeting = document.greeting.replace(/^dear\b/i, 'Hi');
        if (isFormalClosing(document.closing)) document.closing = 'Best,';
        mapSentences(document, (sentence) => contract.replace(deformalize.replace(sentence)));
      }),
  }),
  defineAtom('professional-tone', {
    unwanted: { when: 'never', why: 'A neutral register is not a marked feature.' },
    phrases: ['professional tone', 'professional', 'formal tone', 'formal', 'businesslike'],
    meaning:
      'No contraction (don\'t, I\'m, it\'s...), no slang (hey, gonna, stuff, awesome, tbh...) and no emoji. The editor expands contractions, replaces slang with neutral words ("Hey," becomes "Hello,") and deletes emojis.',
    conflicts: ['informal', 'casual-greeting', 'with-emojis', 'casual-closing'],
    detect: (text) => !expand.test(text) && !deslang.test(text) && !new RegExp(emoji.source, 'u').test(text),
    edit: (text) =>
      editDocument(text, (document) => {
        if (document.greeting !== null)
          document.greeting = deslang.replace(expand.replace(document.greeting));
        mapSentences(document, (sentence) => deslang.replace(expand.replace(sentence)).replace(emoji, ''));
      }),
  }),
];
