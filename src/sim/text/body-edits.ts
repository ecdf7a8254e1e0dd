import type { BodyLine, TextDocument } from './text-document.js';
import { renderBody } from './text-document.js';

/** Lines of the body in order, across paragraphs. */
export function bodyLines(document: TextDocument): BodyLine[] {
  return document.body.flat();
}

/** True for a question line of a Q/A layout. */
export function isQuestionLine(line: BodyLine): boolean {
  return line.prefix === 'Q: ';
}

/** True when every body line is a Q/A line (and there is at least one line). */
export function isQuestionAnswerBody(document: TextDocument): boolean {
  const lines = bodyLines(document);
  return lines.length > 0 && lines.every((line) => line.prefix === 'Q: ' || line.prefix === 'A: ');
}

/** The content lines of the body: every line but Q/A questions. */
export function contentLines(document: TextDocument): BodyLine[] {
  return bodyLines(document).filter((line) => !isQuestionLine(line));
}

/** The content sentences of the body: every line but Q/A questions, markers stripped. */
export function bodySentences(document: TextDocument): string[] {
  return contentLines(document).flatMap((line) => line.sentences);
}

/** Rewrite every sentence of the body (not the TL;DR or P.S.), given its index in its line. */
export function mapBodySentences(
  document: TextDocument,
  rewrite: (sentence: string, index: number) => string,
): void {
  for (const line of bodyLines(document))
    line.sentences = line.sentences.map((sentence, index) => rewrite(sentence, index));
}

/** Rewrite every sentence of the document (body, TL;DR and P.S.), keeping the structure. */
export function mapSentences(document: TextDocument, rewrite: (sentence: string) => string): void {
  for (const line of bodyLines(document)) line.sentences = line.sentences.map(rewrite);
  if (document.tldr !== null) document.tldr = rewrite(document.tldr);
  if (document.postscript !== null) document.postscript = rewrite(document.postscript);
}

/** Drop empty lines and paragraphs, a Q line left without its answer, and renumber numbered lists. */
export function tidyBody(document: TextDocument): void {
  const paragraphs = document.body
    .map((paragraph) => paragraph.filter((line) => line.sentences.length > 0))
    .filter((paragraph) => paragraph.length > 0);
  for (const paragraph of paragraphs) {
    for (let index = paragraph.length - 1; index >= 0; index -= 1) {
      const line = paragraph[index];
      const next = paragraph[index + 1];
      if (line !== undefined && isQuestionLine(line) && (next === undefined || next.prefix !== 'A: ')) {
        paragraph.splice(index, 1);
      }
    }
  }
  document.body = paragraphs.filter((paragraph) => paragraph.length > 0);
  let number = 0;
  for (const line of bodyLines(document)) {
    if (/^\d+[.)] $/.test(line.prefix)) {
      number += 1;
      line.prefix = `${number}. `;
    }
  }
}

/** Where a stock sentence goes: first, right after the first sentence, or last. */
export type SentencePosition = 'start' | 'second' | 'end';

/**
 * Add a sentence to the body, respecting its layout: inside the first or last answer of a Q/A
 * body; as its own item of a list or its own paragraph when the body has several lines; inside the
 * single paragraph of a prose body.
 */
export function addSentence(document: TextDocument, sentence: string, position: SentencePosition): void {
  const lines = bodyLines(document);
  if (lines.length === 0) {
    document.body = [[{ prefix: '', sentences: [sentence] }]];
    return;
  }
  if (isQuestionAnswerBody(document)) {
    const answers = lines.filter((line) => line.prefix === 'A: ');
    const target = position === 'end' ? answers[answers.length - 1] : answers[0];
    if (target === undefined) return;
    if (position === 'start') target.sentences.unshift(sentence);
    else if (position === 'second') target.sentences.splice(1, 0, sentence);
    else target.sentences.push(sentence);
    return;
  }
  if (lines.length === 1) {
    const only = lines[0] as BodyLine;
    if (position === 'start') only.sentences.unshift(sentence);
    else if (position === 'second') only.sentences.splice(1, 0, sentence);
    else only.sentences.push(sentence);
    return;
  }
  const body = document.body;
  const firstParagraph = body[0] as BodyLine[];
  const lastParagraph = body[body.length - 1] as BodyLine[];
  const reference =
    position === 'end'
      ? (lastParagraph[lastParagraph.length - 1] as BodyLine)
      : (firstParagraph[0] as BodyLine);
  const line: BodyLine = { prefix: reference.prefix, sentences: [sentence] };
  const ownParagraph = (position === 'end' ? lastParagraph : firstParagraph).length === 1 && body.length > 1;
  if (ownParagraph) {
    if (position === 'start') body.unshift([line]);
    else if (position === 'second') body.splice(1, 0, [line]);
    else body.push([line]);
  } else if (position === 'start') firstParagraph.unshift(line);
  else if (position === 'second') firstParagraph.splice(1, 0, line);
  else lastParagraph.push(line);
  tidyBody(document);
}

/** Append text (" #Tag", " ✨") to the last content sentence of the body. */
export function appendToLastSentence(document: TextDocument, suffix: string): void {
  const lines = contentLines(document);
  const line = lines[lines.length - 1];
  if (line === undefined || line.sentences.length === 0) {
    document.body.push([{ prefix: '', sentences: [suffix.trim()] }]);
    return;
  }
  const index = line.sentences.length - 1;
  line.sentences[index] = `${line.sentences[index] ?? ''}${suffix}`;
}

/** The message itself: TL;DR, body and P.S., without greeting, sign-off or signature. */
export function messageText(document: TextDocument): string {
  return [document.tldr ?? '', renderBody(document.body), document.postscript ?? ''].join('\n');
}

/**
 * Delete the body sentences (Q/A questions aside) that match, then tidy the body (empty lines go, an
 * orphaned question goes with its answer). Used by the editors that remove an added sentence.
 */
export function removeSentences(document: TextDocument, matches: (sentence: string) => boolean): void {
  for (const line of bodyLines(document)) {
    if (isQuestionLine(line)) continue;
    line.sentences = line.sentences.filter((sentence) => !matches(sentence));
  }
  tidyBody(document);
}
