import type { Task } from '../../spec/index.js';
import {
  bodyLines,
  bodySentences,
  isQuestionAnswerBody,
  isQuestionLine,
  tidyBody,
} from '../text/body-edits.js';
import { stopwords } from '../text/key-terms.js';
import { capitalize, countWords, lowerFirst } from '../text/sentences.js';
import { editDocument, readDocument } from '../text/text-document.js';
import type { BodyLine, TextDocument } from '../text/text-document.js';
import { isStockSentence } from './stock-sentences.js';
import { defineAtom } from './style-atom.js';

const bulletPrefix = /^[-•*] $/;
const numberPrefix = /^\d+[.)] $/;
const layouts = ['bullet-points', 'numbered-list', 'qa-format', 'structured'];

function conflictsWithLayouts(id: string): string[] {
  return layouts.filter((layout) => layout !== id);
}

function everyLine(document: TextDocument, test: (line: BodyLine) => boolean): boolean {
  const lines = bodyLines(document);
  return lines.length > 0 && lines.every(test);
}

/** One line per content sentence, with the prefix given by its index. */
function asList(document: TextDocument, prefix: (index: number) => string): void {
  const sentences = bodySentences(document);
  document.body = [sentences.map((sentence, index) => ({ prefix: prefix(index), sentences: [sentence] }))];
  tidyBody(document);
}

/** Plain lines, markers removed (avoiding a list keeps one item per line). */
function unlist(document: TextDocument, isMarker: (prefix: string) => boolean): void {
  for (const line of bodyLines(document)) if (isMarker(line.prefix)) line.prefix = '';
}

const questionsByTask: Readonly<Record<Task['kind'], readonly string[]>> = {
  summarization: ['What happens?', 'Why does it matter?', 'What comes next?'],
  email: ['What does this cover?', 'What are the details?', 'What comes next?'],
  custom: ['What happens?', 'Why does it matter?', 'What comes next?'],
};

function splitEvenly<T>(items: readonly T[], groups: number): T[][] {
  const result: T[][] = [];
  let start = 0;
  for (let group = 0; group < groups; group += 1) {
    const size = Math.ceil((items.length - start) / (groups - group));
    result.push(items.slice(start, start + size));
    start += size;
  }
  return result;
}

const copulas = new Set(['is', 'are', 'was', 'were']);
const verbs = new Set([
  ...copulas,
  ...'has have had will can could would should may might must does did do became becomes remains remain includes include shows show says said made makes uses used found finds began begins took takes gets got won wins helps help gives gave comes came goes went looks feels felt needs wants seems lives live lies covers runs opened closed announced reported plans plan keeps kept saw sees led leads'.split(
    ' ',
  ),
]);
const labelPattern = /^(\*\*)?\p{Lu}[\p{L}\p{N}'’ *&-]{0,42}: \S/u;

/** "The bridge was closed on Tuesday." → "Bridge: closed on Tuesday."; else "Key point: ...". */
export function labelSentence(sentence: string): string {
  if (labelPattern.test(sentence)) return sentence;
  if (isStockSentence(sentence)) return `Key point: ${sentence}`;
  const words = sentence.split(' ');
  const verbIndex = words.findIndex(
    (word, index) => index >= 1 && index <= 5 && verbs.has(word.toLowerCase()),
  );
  if (verbIndex >= 1) {
    let label = words.slice(0, verbIndex);
    if (label.length > 1 && /^(the|a|an)$/i.test(label[0] ?? '')) label = label.slice(1);
    const content = words.slice(
      copulas.has((words[verbIndex] ?? '').toLowerCase()) ? verbIndex + 1 : verbIndex,
    );
    const labelText = capitalize(label.join(' '));
    const candidate = `${labelText}: ${lowerFirst(content.join(' '))}`;
    const plainLabel = label.every((word) => !stopwords.has(word.toLowerCase().replace(/[^\p{L}']/gu, '')));
    if (
      label.length <= 4 &&
      plainLabel &&
      countWords(content.join(' ')) >= 2 &&
      labelPattern.test(candidate)
    ) {
      return candidate;
    }
  }
  return `Key point: ${lowerFirst(sentence)}`;
}

/**
 * Undo a line label: "Key point: the river rose." → "The river rose."; "Lisbon: the capital." →
 * "Lisbon is the capital." (a noun phrase after the label gets its copula back); "Bridge: closed on
 * Tuesday." → "Bridge closed on Tuesday.".
 */
export function unlabelSentence(sentence: string): string {
  const match = /^(\*\*)?(\p{Lu}[\p{L}\p{N}'’ *&-]{0,42}?)(\*\*)?: (\S.*)$/u.exec(sentence);
  if (match === null) return sentence;
  const label = match[2] ?? '';
  const content = match[4] ?? '';
  if (/^key point$/i.test(label)) return capitalize(content);
  const copula = /^(the|a|an|one|two|three|\p{N})\b/iu.test(content) ? ' is' : '';
  return `${label}${copula} ${content}`;
}

/** Body layouts: lists, Q/A, short paragraphs, and parallel labelled items. */
export const layoutAtoms = [
  defineAtom('bullet-points', {
    unwanted: {
      when: 'unrequested',
      why: 'A bulleted layout is a marked feature (even when the notes were bulleted).',
    },
    phrases: ['bullet points', 'bulleted', 'bullets', 'bullet list', 'list format', 'bulleted list'],
    meaning:
      'Every body line is a "- " bullet. The editor puts each content sentence on its own bullet; removing keeps the lines without markers.',
    conflicts: conflictsWithLayouts('bullet-points'),
    detect: (text) => everyLine(readDocument(text), (line) => bulletPrefix.test(line.prefix)),
    edit: (text) => editDocument(text, (document) => asList(document, () => '- ')),
    strip: (text) =>
      editDocument(text, (document) => unlist(document, (prefix) => bulletPrefix.test(prefix))),
  }),
  defineAtom('numbered-list', {
    unwanted: { when: 'unrequested', why: 'A numbered layout is a marked feature.' },
    phrases: ['numbered list', 'numbered points', 'numbered steps', 'enumerated list', 'numbered'],
    meaning:
      'Every body line is a numbered item ("1. ", "2. "...). The editor puts each content sentence on its own numbered line; removing keeps the lines without numbers.',
    conflicts: conflictsWithLayouts('numbered-list'),
    detect: (text) => everyLine(readDocument(text), (line) => numberPrefix.test(line.prefix)),
    edit: (text) => editDocument(text, (document) => asList(document, (index) => `${index + 1}. `)),
    strip: (text) =>
      editDocument(text, (document) => unlist(document, (prefix) => numberPrefix.test(prefix))),
  }),
  defineAtom('qa-format', {
    unwanted: { when: 'unrequested', why: 'A question-answer layout is a marked feature.' },
    phrases: [
      'question answering style',
      'question-answer format',
      'question and answer',
      'Q&A',
      'FAQ style',
      'questions and answers',
    ],
    avoidPhrase: 'no question-answer format',
    meaning:
      'The body is made of "Q: " question lines each followed by an "A: " answer line. The editor splits the content sentences evenly into up to three answers under stock questions ("What happens?", "Why does it matter?", "What comes next?"); removing drops the questions and keeps the answers as lines.',
    conflicts: [...conflictsWithLayouts('qa-format'), 'parallel-structure', 'tweet-style'],
    detect: (text) => {
      const document = readDocument(text);
      const lines = bodyLines(document);
      return (
        isQuestionAnswerBody(document) &&
        lines.some((line, index) => isQuestionLine(line) && lines[index + 1]?.prefix === 'A: ')
      );
    },
    edit: (text, task) =>
      editDocument(text, (document) => {
        const sentences = bodySentences(document);
        const questions = questionsByTask[task.kind];
        const groups = splitEvenly(sentences, Math.min(questions.length, sentences.length));
        document.body = groups.map((group, index) => [
          { prefix: 'Q: ', sentences: [questions[index] ?? 'What else?'] },
          { prefix: 'A: ', sentences: group },
        ]);
      }),
    strip: (text) =>
      editDocument(text, (document) => {
        document.body = document.body.map((paragraph) =>
          paragraph
            .filter((line) => !isQuestionLine(line))
            .map((line) => ({ prefix: line.prefix === 'A: ' ? '' : line.prefix, sentences: line.sentences })),
        );
        tidyBody(document);
      }),
  }),
  defineAtom('structured', {
    unwanted: {
      when: 'never',
      why: 'Paragraph breaks cost nothing under the word-token metric and are not objected to.',
    },
    phrases: [
      'structured',
      'well structured',
      'organized in paragraphs',
      'short paragraphs',
      'clear structure',
    ],
    meaning:
      'The body is split into short plain paragraphs: the first holds one sentence (the point), each other at most two, with at least two paragraphs (unless the body is a single sentence). The editor regroups the content sentences that way.',
    conflicts: [...conflictsWithLayouts('structured'), 'tweet-style'],
    detect: (text) => {
      const document = readDocument(text);
      const paragraphs = document.body;
      const sentences = paragraphs.flat().reduce((total, line) => total + line.sentences.length, 0);
      return (
        paragraphs.length > 0 &&
        paragraphs.every(
          (paragraph) =>
            paragraph.length === 1 &&
            paragraph[0]?.prefix === '' &&
            (paragraph[0]?.sentences.length ?? 0) <= 2,
        ) &&
        (paragraphs[0]?.[0]?.sentences.length ?? 0) === 1 &&
        (paragraphs.length >= 2 || sentences <= 1)
      );
    },
    edit: (text) =>
      editDocument(text, (document) => {
        const [first, ...rest] = bodySentences(document);
        if (first === undefined) return;
        const paragraphs: BodyLine[][] = [[{ prefix: '', sentences: [first] }]];
        for (let index = 0; index < rest.length; index += 2)
          paragraphs.push([{ prefix: '', sentences: rest.slice(index, index + 2) }]);
        document.body = paragraphs;
      }),
  }),
  defineAtom('parallel-structure', {
    unwanted: {
      when: 'unrequested',
      unlessInContext: true,
      why: 'Labelled lines ("Key point: ...") are a marked feature, unless the notes were labelled ("Title: ...").',
    },
    phrases: ['parallel structure', 'parallel', 'consistent structure', 'parallel phrasing'],
    meaning:
      'Every body line opens the same way, with a short capitalized label and a colon ("Lisbon: the capital of Portugal."). The editor puts each sentence of a one-paragraph prose body on its own line, then labels each line by moving its subject before a colon (dropping a copula), or with "Key point:" when no subject is found.',
    conflicts: ['qa-format'],
    detect: (text) => everyLine(readDocument(text), (line) => labelPattern.test(line.sentences[0] ?? '')),
    edit: (text) =>
      editDocument(text, (document) => {
        const lines = bodyLines(document);
        const only = lines[0];
        if (lines.length === 1 && only !== undefined && only.prefix === '' && only.sentences.length > 1) {
          document.body = [only.sentences.map((sentence) => ({ prefix: '', sentences: [sentence] }))];
        }
        for (const line of bodyLines(document)) {
          const [first] = line.sentences;
          if (first !== undefined) line.sentences[0] = labelSentence(first);
        }
      }),
    strip: (text) =>
      editDocument(text, (document) => {
        for (const line of bodyLines(document)) {
          const [first] = line.sentences;
          if (first !== undefined) line.sentences[0] = unlabelSentence(first);
        }
      }),
  }),
];
