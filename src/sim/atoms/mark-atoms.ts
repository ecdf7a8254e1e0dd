import {
  addSentence,
  appendToLastSentence,
  bodyLines,
  bodySentences,
  contentLines,
  mapBodySentences,
} from '../text/body-edits.js';
import { hashtagOf } from '../text/salient-names.js';
import { lowerFirst, withoutTrailingMarks } from '../text/sentences.js';
import { editDocument, readDocument, renderBody } from '../text/text-document.js';
import type { TextDocument } from '../text/text-document.js';
import { isStockSentence, stockSentence, withoutAddedLabel } from './stock-sentences.js';
import { defineAtom } from './style-atom.js';

const emojiPattern = /\p{Extended_Pictographic}/u;
const emojiRun = /\s?(?:\p{Extended_Pictographic}|\uFE0F|\u200D)+/gu;
const hashtagPattern = /(^|\s)#[\p{L}\p{N}_]+/u;
const hashtagRun = /\s?#[\p{L}\p{N}_]+/gu;

function body(text: string): string {
  return renderBody(readDocument(text).body);
}

/** The hashtag for a text: from its salient names or repeated words (`hashtagOf`), never a common word. */
function hashtagFor(document: TextDocument): string {
  const content = bodySentences(document)
    .filter((sentence) => !isStockSentence(sentence))
    .map(withoutAddedLabel)
    .join('\n');
  return hashtagOf(content) ?? '#News';
}

/** Marks on the text (hashtags, emojis) added to the last sentence, and punctuation habits. */
export const markAtoms = [
  defineAtom('hashtags', {
    unwanted: { when: 'unrequested', unlessInContext: true, why: 'Hashtags are a marked feature.' },
    phrases: ['hashtags', 'hashtag', 'tweet style'],
    meaning:
      'The body carries at least one hashtag. The editor appends one made of the body\'s own salient words to the last sentence: its most frequent name ("#HalversCrossing"), else a content word it repeats, else its longest content word; removing deletes every hashtag.',
    detect: (text) => hashtagPattern.test(body(text)),
    edit: (text) =>
      editDocument(text, (document) => appendToLastSentence(document, ` ${hashtagFor(document)}`)),
    strip: (text) =>
      editDocument(text, (document) => {
        for (const line of bodyLines(document))
          line.sentences = line.sentences.map((sentence) => sentence.replace(hashtagRun, '').trim());
      }),
  }),
  defineAtom('with-emojis', {
    unwanted: { when: 'unrequested', unlessInContext: true, why: 'Emojis are a marked feature.' },
    phrases: ['with emojis', 'emojis', 'emoji', 'emoticons'],
    avoidPhrase: 'no emojis',
    meaning:
      'Contains at least one emoji. The editor appends " ✨" to the last sentence of the body; removing deletes every emoji.',
    conflicts: ['professional-tone'],
    detect: (text) => emojiPattern.test(text),
    edit: (text) => editDocument(text, (document) => appendToLastSentence(document, ' ✨')),
    strip: (text) => text.replace(emojiRun, ''),
  }),
];

/** Punctuation habits, applied at the end with the other surface atoms. */
export const punctuationAtoms = [
  defineAtom('semicolons', {
    unwanted: { when: 'never', why: 'A semicolon is ordinary punctuation.' },
    phrases: ['semicolons', 'semicolon', 'semi-colons'],
    meaning:
      'The body uses a semicolon. The editor joins two adjacent plain sentences of a line ("A. B." → "A; b."), else turns the first comma of a plain sentence into a semicolon, else ends the last plain sentence with "; more soon.", else adds "More on {topic} follows; details soon." (questions, exclamations and stock sentences are left alone); removing turns each semicolon into a dash (" — "), which also separates clauses.',
    detect: (text) => body(text).includes(';'),
    edit: (text) =>
      editDocument(text, (document) => {
        const lines = contentLines(document);
        const plain = (sentence: string) =>
          !isStockSentence(sentence) && !/[?!]$/.test(withoutTrailingMarks(sentence));
        for (const line of lines) {
          const index = line.sentences.findIndex(
            (sentence, position) =>
              /[\p{L}\p{N}]\.$/u.test(sentence) &&
              plain(sentence) &&
              plain(line.sentences[position + 1] ?? '?'),
          );
          const [first, second] = [line.sentences[index], line.sentences[index + 1]];
          if (first !== undefined && second !== undefined) {
            line.sentences.splice(index, 2, `${first.slice(0, -1)}; ${lowerFirst(second)}`);
            return;
          }
        }
        for (const line of lines) {
          const index = line.sentences.findIndex((sentence) => sentence.includes(', ') && plain(sentence));
          if (index >= 0) {
            line.sentences[index] = (line.sentences[index] ?? '').replace(', ', '; ');
            return;
          }
        }
        for (const line of [...lines].reverse()) {
          const index = line.sentences.findLastIndex(
            (sentence) => /[\p{L}\p{N}]\.$/u.test(sentence) && plain(sentence),
          );
          if (index >= 0) {
            line.sentences[index] = `${(line.sentences[index] ?? '').slice(0, -1)}; more soon.`;
            return;
          }
        }
        addSentence(document, stockSentence('moreSoon', text), 'end');
      }),
    strip: (text) =>
      editDocument(text, (document) =>
        mapBodySentences(document, (sentence) => sentence.replace(/\s*;\s*/g, ' — ')),
      ),
  }),
  defineAtom('exclamation-marks', {
    unwanted: {
      when: 'under',
      atoms: ['professional-tone'],
      why: 'Exclamations clash with a professional tone; otherwise nobody objects.',
    },
    phrases: ['exclamation marks', 'exclamation points', 'exclamations', 'enthusiastic punctuation'],
    meaning:
      'The body has an exclamation mark. The editor turns the final period of the last sentence ending in one into "!" (or adds "{Topic} is truly remarkable!"); removing turns every "!" into a period.',
    detect: (text) => body(text).includes('!'),
    edit: (text) =>
      editDocument(text, (document) => {
        const lines = contentLines(document);
        for (let lineIndex = lines.length - 1; lineIndex >= 0; lineIndex -= 1) {
          const line = lines[lineIndex];
          if (line === undefined) continue;
          for (let index = line.sentences.length - 1; index >= 0; index -= 1) {
            const sentence = line.sentences[index] ?? '';
            if (/\.(\s*(#\S+|\p{Extended_Pictographic}\uFE0F?))*$/u.test(sentence)) {
              line.sentences[index] = sentence.replace(
                /\.((\s*(#\S+|\p{Extended_Pictographic}\uFE0F?))*)$/u,
                '!$1',
              );
              return;
            }
          }
        }
        const last = lines[lines.length - 1];
        if (last === undefined)
          document.body.push([{ prefix: '', sentences: [stockSentence('remarkable', text)] }]);
        else last.sentences.push(stockSentence('remarkable', text));
      }),
    strip: (text) =>
      editDocument(text, (document) =>
        mapBodySentences(document, (sentence) => sentence.replace(/\?!+/g, '?').replace(/!+/g, '.')),
      ),
  }),
];
