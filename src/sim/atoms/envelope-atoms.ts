import { bodySentences } from '../text/body-edits.js';
import { countWords, truncateWords, withoutTrailingMarks } from '../text/sentences.js';
import { editDocument, readDocument } from '../text/text-document.js';
import type { TextDocument } from '../text/text-document.js';
import { isStockSentence } from './stock-sentences.js';
import { defineAtom, type AtomDefinition, type StyleAtom } from './style-atom.js';
import { casualClosings, closingKey, professionalClosings, thankfulClosings } from './word-tables.js';

const closingSlot = ['no-closing', 'professional-closing', 'thankful-closing', 'casual-closing'];
const greetingSlot = ['no-greeting', 'professional-greeting', 'casual-greeting'];

function others(slot: readonly string[], id: string): string[] {
  return slot.filter((other) => other !== id);
}

/** The name in a greeting ("Hi Sam," → "Sam"), if any. */
function greetingName(greeting: string | null): string | null {
  if (greeting === null) return null;
  const name = greeting
    .replace(/^(dear|hi|hello|hey|greetings|good (morning|afternoon|evening))\b/i, '')
    .replace(/^\s*(there|all|everyone)\b/i, '')
    .replace(/[,!:.\s]+$/, '')
    .trim();
  return name === '' ? null : name;
}

/**
 * A sign-off atom: the closing line is one of `closings`; the editor writes `signOff` there, keeping
 * the signature. Never objected to; it conflicts with the other closing atoms and `alsoConflicts`.
 */
function signOffAtom(
  id: string,
  definition: Pick<AtomDefinition, 'phrases'> & {
    readonly why: string;
    /** What the sign-off is, for the meaning: "a casual sign-off (Cheers, ...)". */
    readonly kind: string;
    readonly closings: readonly string[];
    readonly signOff: string;
    readonly alsoConflicts?: readonly string[];
  },
): StyleAtom {
  const { closings, signOff } = definition;
  return defineAtom(id, {
    unwanted: { when: 'never', why: definition.why },
    phrases: definition.phrases,
    meaning: `Ends with ${definition.kind}. The editor replaces the sign-off with "${signOff}" (keeping the signature) or adds it.`,
    conflicts: [...others(closingSlot, id), ...(definition.alsoConflicts ?? [])],
    detect: (text) => {
      const { closing } = readDocument(text);
      return closing !== null && closings.includes(closingKey(closing));
    },
    edit: (text) =>
      editDocument(text, (document) => {
        document.closing = signOff;
      }),
  });
}

/** The TL;DR line: the first content sentence of five or more words, cut to twelve words. */
function tldrOf(document: TextDocument): string {
  const sentences = bodySentences(document)
    .filter((sentence) => !isStockSentence(sentence))
    .map(withoutTrailingMarks);
  const chosen = sentences.find((sentence) => countWords(sentence) >= 5) ?? sentences[0] ?? 'See below.';
  return countWords(chosen) > 12 ? truncateWords(chosen, 12) : chosen;
}

/** Parts around the body: TL;DR line, greeting, sign-off and P.S. */
export const envelopeAtoms = [
  defineAtom('tl-dr', {
    unwanted: { when: 'unrequested', why: 'A TL;DR line is a marked feature.' },
    phrases: [
      'TL;DR line at the top',
      'TL;DR line',
      'TL;DR',
      'tldr',
      'one-line summary at the top',
      'summary line first',
    ],
    avoidPhrase: 'no TL;DR line',
    meaning:
      'Starts (after any greeting) with a "TL;DR: " line. The editor adds one holding the first content sentence of five or more words, cut to twelve words; removing deletes it.',
    detect: (text) => readDocument(text).tldr !== null,
    edit: (text) => editDocument(text, (document) => (document.tldr = tldrOf(document))),
    strip: (text) => editDocument(text, (document) => (document.tldr = null)),
  }),
  defineAtom('no-greeting', {
    unwanted: { when: 'never', why: "A missing greeting is settled by the user's own greeting atoms." },
    phrases: ['no greeting', 'skip the greeting', 'without a greeting', 'no salutation'],
    meaning: 'No salutation line at the top. The editor deletes it.',
    conflicts: others(greetingSlot, 'no-greeting'),
    detect: (text) => readDocument(text).greeting === null,
    edit: (text) => editDocument(text, (document) => (document.greeting = null)),
  }),
  defineAtom('professional-greeting', {
    unwanted: { when: 'never', why: '"Dear ..." clashes only with informal, which rewrites it.' },
    phrases: [
      'professional greeting',
      'formal greeting',
      'professional greeting and closing',
      'formal greeting and closing',
      'formal salutation',
    ],
    meaning:
      'The first line is a "Dear ...," salutation. The editor replaces or adds it, keeping the recipient\'s name ("Hi Sam," → "Dear Sam,"; no name → "Dear colleague,").',
    conflicts: [...others(greetingSlot, 'professional-greeting'), 'informal'],
    detect: (text) => /^dear\b/i.test(readDocument(text).greeting ?? ''),
    edit: (text) =>
      editDocument(
        text,
        (document) => (document.greeting = `Dear ${greetingName(document.greeting) ?? 'colleague'},`),
      ),
  }),
  defineAtom('casual-greeting', {
    unwanted: { when: 'never', why: '"Hey" clashes only with a professional tone, which rewrites it.' },
    phrases: ['casual greeting', 'casual tone', 'friendly greeting', 'hey greeting'],
    meaning:
      'The first line is a "Hey" salutation. The editor replaces or adds it, keeping the name ("Hey Sam," or "Hey,").',
    conflicts: [...others(greetingSlot, 'casual-greeting'), 'professional-tone'],
    detect: (text) => /^hey\b/i.test(readDocument(text).greeting ?? ''),
    edit: (text) =>
      editDocument(text, (document) => {
        const name = greetingName(document.greeting);
        document.greeting = name === null ? 'Hey,' : `Hey ${name},`;
      }),
  }),
  defineAtom('no-closing', {
    unwanted: { when: 'never', why: "A missing sign-off is settled by the user's own closing atoms." },
    phrases: [
      'no closing',
      'without a closing',
      'no sign-off',
      'no sign off',
      'skip the closing',
      'without closing',
    ],
    meaning: 'No sign-off line and no signature at the end (a P.S. may remain). The editor deletes them.',
    conflicts: others(closingSlot, 'no-closing'),
    detect: (text) => {
      const document = readDocument(text);
      return document.closing === null && document.signature === null;
    },
    edit: (text) =>
      editDocument(text, (document) => {
        document.closing = null;
        document.signature = null;
      }),
  }),
  signOffAtom('professional-closing', {
    why: 'A formal sign-off clashes only with informal, which rewrites it.',
    phrases: [
      'professional closing',
      'formal closing',
      'professional sign-off',
      'professional greeting and closing',
      'formal greeting and closing',
    ],
    kind: 'a professional sign-off (Best regards, Kind regards, Regards, Sincerely...)',
    closings: professionalClosings,
    signOff: 'Best regards,',
    alsoConflicts: ['informal'],
  }),
  signOffAtom('thankful-closing', {
    why: 'Thanks are not objected to.',
    phrases: [
      'thankful closing',
      'thank-you closing',
      'closing with thanks',
      'grateful sign-off',
      'thankful sign-off',
    ],
    kind: 'a thankful sign-off (Thank you, Thanks, Many thanks, With gratitude...)',
    closings: thankfulClosings,
    signOff: 'Many thanks,',
  }),
  signOffAtom('casual-closing', {
    why: '"Cheers" clashes only with a professional tone (a conflicting atom).',
    phrases: ['casual closing', 'casual sign-off', 'cheers sign-off', 'cheers'],
    kind: 'a casual sign-off (Cheers, Take care, Talk soon)',
    closings: casualClosings,
    signOff: 'Cheers,',
    alsoConflicts: ['professional-tone'],
  }),
  defineAtom('ps-line', {
    unwanted: { when: 'unrequested', why: 'A P.S. line is a marked feature.' },
    phrases: ['a P.S. line', 'P.S. line', 'P.S.', 'postscript', 'PS line'],
    avoidPhrase: 'no P.S. line',
    meaning:
      'Ends with a "P.S. ..." line. The editor adds "P.S. More details are available on request."; removing deletes it.',
    detect: (text) => readDocument(text).postscript !== null,
    edit: (text) =>
      editDocument(text, (document) => (document.postscript = 'More details are available on request.')),
    strip: (text) => editDocument(text, (document) => (document.postscript = null)),
  }),
];
