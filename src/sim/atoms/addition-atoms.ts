import {
  addSentence,
  bodyLines,
  bodySentences,
  messageText,
  removeSentences,
  tidyBody,
} from '../text/body-edits.js';
import type { SentencePosition } from '../text/body-edits.js';
import { wordReplacer } from '../text/replace-words.js';
import { withoutTrailingMarks } from '../text/sentences.js';
import { editDocument, readDocument } from '../text/text-document.js';
import type { BodyLine, TextDocument } from '../text/text-document.js';
import { plainText } from './plain-text.js';
import type { StockSentenceKey } from './stock-sentences.js';
import { isStockSentence, stockSentence } from './stock-sentences.js';
import type { StyleAtom, UnwantedRule } from './style-atom.js';
import { defineAtom } from './style-atom.js';
import { negativeWords } from './word-tables.js';
import { sentimentCounts, showsEmotion } from '../lexicon/sentiment.js';

/** An atom that holds when a marker pattern occurs and is added as one stock sentence. */
function stockSentenceAtom(
  id: string,
  options: {
    readonly phrases: readonly string[];
    readonly meaning: string;
    readonly marker: { test(text: string): boolean };
    readonly sentence: StockSentenceKey;
    readonly position: SentencePosition;
    readonly conflicts?: readonly string[];
    readonly unwanted: UnwantedRule;
  },
): StyleAtom {
  const { sentence, position, marker } = options;
  return defineAtom(id, {
    phrases: options.phrases,
    meaning: options.meaning,
    conflicts: options.conflicts,
    unwanted: options.unwanted,
    detect: (text) => marker.test(plainText(text)),
    // NOTE: only a marked addition can be avoided (its sentences deleted): deleting every sentence
    // that names a feeling or a positive word would cut the document's own content.
    ...(options.unwanted.when === 'never'
      ? {}
      : {
          strip: (text: string) =>
            editDocument(text, (document) =>
              removeSentences(document, (sentence) => marker.test(plainText(sentence))),
            ),
        }),
    edit: (text) =>
      editDocument(text, (document) => addSentence(document, stockSentence(sentence, text), position)),
  });
}

const negative = wordReplacer(negativeWords);

/** More positive than negative words (AFINN-165, `sentimentCounts`). */
function readsPositively(text: string): boolean {
  const { positive, negative: negatives } = sentimentCounts(text);
  return positive > negatives;
}

/**
 * While negative words outnumber positive ones, delete the body sentence (never the first, never an
 * added one) with the most negative words over positive ones, the last of equals first.
 */
function dropNegativeSentences(document: TextDocument): void {
  for (;;) {
    const { positive, negative: negatives } = sentimentCounts(messageText(document));
    if (negatives < positive) return;
    let worst: { line: BodyLine; index: number; balance: number } | undefined;
    bodyLines(document).forEach((line, lineIndex) => {
      line.sentences.forEach((sentence, index) => {
        if ((lineIndex === 0 && index === 0) || isStockSentence(sentence)) return;
        const counts = sentimentCounts(sentence);
        const balance = counts.negative - counts.positive;
        if (balance > 0 && (worst === undefined || balance >= worst.balance))
          worst = { line, index, balance };
      });
    });
    if (worst === undefined) return;
    worst.line.sentences.splice(worst.index, 1);
    tidyBody(document);
  }
}
const emotionMarker = { test: showsEmotion };
const mentionsYou = /\b(you|your|yours|yourself)\b/i;

const isQuestion = (sentence: string) => /\?["'”’)]*$/u.test(withoutTrailingMarks(sentence));

function questions(text: string): string[] {
  return bodySentences(readDocument(text)).filter(isQuestion);
}

/** Atoms that hold when a kind of sentence is present, and add a stock sentence when it is not. */
export const additionAtoms = [
  defineAtom('positive', {
    unwanted: { when: 'never', why: 'A positive tone is not a marked feature.' },
    phrases: ['positive', 'upbeat', 'optimistic', 'positive tone', 'cheerful'],
    meaning: `Reads positively: the message (greeting and sign-off aside) holds more positive than negative words by AFINN-165 (a word rated +2 or more against one rated −2 or less). The editor softens common negative words (bad → tough, problem → challenge), drops the most negative sentences after the first while negatives still outnumber positives, and then, if needed, adds "This is good news for {topic}, a hopeful sign." (emails: "Overall, {topic} looks great, a welcome step."), up to three such sentences.`,
    detect: (text) => readsPositively(messageText(readDocument(text))),
    edit: (text, task) =>
      editDocument(negative.replace(text), (document) => {
        dropNegativeSentences(document);
        // A first sentence too negative to drop can take more than one positive sentence.
        const key = task.kind === 'email' ? 'positiveEmail' : 'positiveSummary';
        for (let variant = 0; variant < 3 && !readsPositively(messageText(document)); variant += 1)
          addSentence(document, stockSentence(key, text, variant), 'end');
      }),
  }),
  stockSentenceAtom('show-emotions', {
    unwanted: { when: 'never', why: 'Naming a feeling is not a marked feature.' },
    phrases: ['show emotions', 'emotional', 'show feelings', 'express emotions', 'heartfelt'],
    meaning:
      'Shows emotion: at least one word naming a feeling (feel, felt, emotion...) or one AFINN-165 rates ±4 or beyond (thrilled, wonderful, catastrophic...). The editor adds "{Topic} stirs strong feelings." at the end.',
    marker: emotionMarker,
    sentence: 'emotions',
    position: 'end',
  }),
  stockSentenceAtom('personal-reflection', {
    unwanted: {
      when: 'unrequested',
      unlessInContext: true,
      why: "An invitation to reflect on one's own life is a marked addition.",
    },
    phrases: [
      'invoke personal reflection',
      'personal reflection',
      'reflective',
      'prompt reflection',
      'self-reflection',
    ],
    meaning:
      'Invites the reader to reflect on their own life: contains "reflect", "ask yourself" or "think about your own". The editor adds "Take a moment to reflect on {topic}." at the end.',
    marker: /\b(reflect|reflection|ask yourself|think about your own)\b/,
    sentence: 'reflection',
    position: 'end',
  }),
  defineAtom('interactive', {
    unwanted: {
      when: 'unrequested',
      unlessInContext: true,
      why: 'A question put to the reader is a marked addition.',
    },
    phrases: ['interactive', 'engage the reader', 'ask the reader', 'questions to the reader'],
    meaning:
      'Speaks with the reader: a body sentence is a question addressed to "you". The editor adds "What do you think about {topic}?" at the end.',
    avoidPhrase: 'no questions to the reader',
    detect: (text) => questions(text).some((question) => mentionsYou.test(question)),
    edit: (text) =>
      editDocument(text, (document) => addSentence(document, stockSentence('interactive', text), 'end')),
    strip: (text) =>
      editDocument(text, (document) =>
        removeSentences(document, (sentence) => isQuestion(sentence) && mentionsYou.test(sentence)),
      ),
  }),
  stockSentenceAtom('call-to-action', {
    unwanted: {
      when: 'unrequested',
      unlessInContext: true,
      why: 'Asking the reader to act by a date is a marked addition.',
    },
    phrases: ['call to action', 'call-to-action', 'clear next step', 'ask for a reply', 'request action'],
    meaning:
      'Asks the reader to do something by a time: "please reply/review/share/confirm...", "by Friday", "sign up", "get back to". The editor adds "Please reply with your thoughts on {topic} by Friday." at the end.',
    marker:
      /\b(please (reply|review|share|confirm|send|read|check|join|respond|take a look)|by (monday|tuesday|wednesday|thursday|friday|next week|tomorrow)|sign up|get back to)\b/,
    sentence: 'callToAction',
    position: 'end',
  }),
  stockSentenceAtom('respectful', {
    unwanted: { when: 'never', why: 'Courtesy is not objected to.' },
    phrases: ['respectful', 'polite', 'courteous', 'considerate'],
    meaning:
      'Shows courtesy to the reader: "appreciate(d)", "grateful", "kindly", "respectfully" or "thank you for your time". The editor adds "Your time on {topic} is greatly appreciated." at the end.',
    marker: /\b(appreciate|appreciated|grateful|kindly|respectfully|thank you for your time)\b/,
    sentence: 'respectful',
    position: 'end',
  }),
  stockSentenceAtom('playful', {
    unwanted: {
      when: 'unrequested',
      unlessInContext: true,
      why: 'An interjection such as "wow" is a marked addition.',
    },
    phrases: ['playful language', 'playful', 'fun', 'lighthearted', 'whimsical'],
    meaning:
      'Uses a playful interjection (wow, yay, woohoo, whoa, hooray, ta-da, oh boy). The editor adds "Wow, what a ride for {topic}!" at the end.',
    marker: /\b(wow|yay|woohoo|whoa|hooray|ta-da|oh boy)\b/,
    sentence: 'playful',
    position: 'end',
  }),
  stockSentenceAtom('storytelling', {
    unwanted: {
      when: 'unrequested',
      unlessInContext: true,
      why: 'A story frame ("once upon a time") is a marked addition.',
    },
    phrases: ['storytelling', 'story', 'narrative style', 'tell it as a story', 'fairy tale'],
    meaning:
      'Framed as a story: contains a story frame ("once upon a time", "this story begins", "the story of", "fairy tale"). The editor adds "This is the story of {topic}." first.',
    marker: /\b(once upon a time|this story begins|our story begins|the story of|fairy tale)\b/,
    sentence: 'storytelling',
    position: 'start',
  }),
  stockSentenceAtom('child-audience', {
    unwanted: {
      when: 'unrequested',
      unlessInContext: true,
      why: 'Addressing children is a marked addition.',
    },
    phrases: [
      'addressed to kids',
      'targeted to young children',
      'young children',
      'for kids',
      'for children',
      'kid-friendly',
      'child-friendly',
    ],
    meaning:
      'Addresses young readers directly: "kids", "boys and girls", "little ones" or "young readers". The editor adds "Listen up, kids, this is about {topic}." first. ("Targeted to young children" also means simple-english.)',
    marker: /\b(kids|boys and girls|little ones|young readers)\b/,
    sentence: 'childAudience',
    position: 'start',
  }),
  stockSentenceAtom('immersive', {
    unwanted: {
      when: 'unrequested',
      unlessInContext: true,
      why: '"Picture yourself..." is a marked addition.',
    },
    phrases: ['immersive', 'vivid', 'put the reader in the scene', 'transport the reader'],
    meaning:
      'Places the reader inside the scene: "picture yourself", "imagine yourself", "imagine being", "step into". The editor adds "Picture yourself right there with {topic}." first.',
    marker: /\b(picture yourself|imagine yourself|imagine being|step into|picture the scene)\b/,
    sentence: 'immersive',
    position: 'start',
  }),
  defineAtom('inquisitive', {
    unwanted: {
      when: 'unrequested',
      unlessInContext: true,
      why: 'A rhetorical question is a marked addition.',
    },
    phrases: ['inquisitive', 'curious', 'rhetorical questions', 'rhetorical question', 'asks questions'],
    meaning:
      'Asks a curious question that is not addressed to "you" and is not a Q/A heading (a rhetorical question). The editor adds "Ever wondered how {topic} works?" first.',
    avoidPhrase: 'no rhetorical questions',
    detect: (text) => questions(text).some((question) => !mentionsYou.test(question)),
    edit: (text) =>
      editDocument(text, (document) => addSentence(document, stockSentence('inquisitive', text), 'start')),
    strip: (text) =>
      editDocument(text, (document) =>
        removeSentences(document, (sentence) => isQuestion(sentence) && !mentionsYou.test(sentence)),
      ),
  }),
  stockSentenceAtom('engaging', {
    unwanted: {
      when: 'unrequested',
      unlessInContext: true,
      why: 'A news hook ("guess what") is a marked addition.',
    },
    phrases: ['engaging', 'catchy', 'attention-grabbing', 'hook', 'exciting'],
    meaning:
      'Opens with a hook announcing news: "exciting news", "big news", "great news", "guess what". The editor adds "Some exciting news about {topic}!" first.',
    marker: /\b(exciting news|big news|great news|guess what|some exciting)\b/,
    sentence: 'engaging',
    position: 'start',
  }),
  stockSentenceAtom('conversational', {
    unwanted: {
      when: 'unrequested',
      unlessInContext: true,
      why: 'Spoken discourse markers ("honestly") are a marked addition.',
    },
    phrases: ['conversational', 'chatty', 'like talking to a friend', 'spoken style'],
    meaning:
      'Sounds spoken: a discourse marker such as "honestly", "you know" set off by a comma or ending the sentence (not "let you know", not "you know people..."), "anyway", "by the way", "to be honest". The editor adds "Honestly, {topic} is worth a look." first.',
    marker: /\b(honestly|(?<!let )you know(?=[,.!?])|anyway|by the way|to be honest)\b/,
    sentence: 'conversational',
    position: 'start',
  }),
  stockSentenceAtom('foreshadowing', {
    unwanted: {
      when: 'unrequested',
      unlessInContext: true,
      why: 'A teaser ("stay tuned") is a marked addition.',
    },
    phrases: [
      'skillful foreshadowing',
      'foreshadowing',
      'foreshadow',
      'build suspense',
      'suspense',
      'teaser',
    ],
    meaning:
      'Hints early at what comes later: "the best part comes", "biggest surprise", "little did", "stay tuned", "but wait". The editor adds "Stay tuned for more on {topic}." right after the first sentence.',
    marker: /\b(the best part comes|biggest surprise|little did|stay tuned|but wait)\b/,
    sentence: 'foreshadowing',
    position: 'second',
  }),
  stockSentenceAtom('personalized', {
    unwanted: { when: 'never', why: 'Relating the text to the reader is not objected to.' },
    phrases: ['personalized', 'personalised', 'personal touch', 'tailored to the recipient'],
    meaning:
      'Relates the message to the recipient: "your own work", "your work", "your research", "your interests", "your team", "thought of you". The editor adds "{Topic} connects closely to your own work." after the first sentence.',
    marker: /\b(your own work|your work|your research|your interests?|your team|thought of you)\b/,
    sentence: 'personalized',
    position: 'second',
  }),
];

export { negative as negativeWordReplacer };
