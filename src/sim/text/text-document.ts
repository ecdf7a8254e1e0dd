import { BoundedCache } from './bounded-cache.js';
import { splitSentences } from './sentences.js';

/** One body line: an optional list or Q/A prefix (`- `, `2. `, `Q: `, `A: `) and its sentences. */
export interface BodyLine {
  prefix: string;
  sentences: string[];
}

/**
 * A draft parsed into the parts style atoms act on. Summaries usually have only a body; emails have
 * a greeting line, a body, a closing line with an optional signature, and maybe a P.S.
 * `renderDocument(parseDocument(text))` reproduces any text the atoms or the offline writer produce.
 */
export interface TextDocument {
  /** First line when it is a salutation ("Hi,", "Dear Dr. Lee,"). */
  greeting: string | null;
  /** Content of a "TL;DR: ..." line right after the greeting, without the "TL;DR: " label. */
  tldr: string | null;
  /** Paragraphs (separated by blank lines) of lines. */
  body: BodyLine[][];
  /** A sign-off line ("Best regards,", "Many thanks,"). */
  closing: string | null;
  /** Lines after the closing (a name), if any. */
  signature: string | null;
  /** Content of a final "P.S. ..." line, without the "P.S. " label. */
  postscript: string | null;
}

const greetingPattern =
  /^(dear|hi|hello|hey|greetings|good (morning|afternoon|evening)|to whom it may concern)\b/i;
const closingPattern =
  /^(best|best regards|kind regards|warm regards|warmest regards|regards|sincerely|yours sincerely|yours truly|yours faithfully|respectfully|thanks|thank you|many thanks|thanks so much|thanks again|with gratitude|with thanks|cheers|take care|talk soon|catch you later|with best regards|all the best|warmly|best wishes)[,.!]?$/i;
const prefixPattern = /^(?:[-•*]|\d+[.)]|Q:|A:)\s+/;
const tldrPattern = /^TL;?DR:?\s+/i;
const postscriptPattern = /^P\.?\s?S\.?:?\s+/i;

/** True for a salutation line: a greeting word, one short clause, at most 8 words. */
export function isGreetingLine(line: string): boolean {
  const trimmed = line.trim();
  return (
    greetingPattern.test(trimmed) && trimmed.split(/\s+/).length <= 8 && splitSentences(trimmed).length === 1
  );
}

/** True for a sign-off line such as "Best regards," or "Thanks!". */
export function isClosingLine(line: string): boolean {
  return closingPattern.test(line.trim());
}

function isSignatureLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.split(/\s+/).length <= 4 && !/[.!?]$/.test(trimmed) && !prefixPattern.test(trimmed);
}

/** Parse one body line into prefix and sentences. */
export function parseLine(line: string): BodyLine {
  const trimmed = line.trim();
  const prefix = prefixPattern.exec(trimmed)?.[0] ?? '';
  return {
    prefix: prefix === '' ? '' : prefix.trimEnd() + ' ',
    sentences: splitSentences(trimmed.slice(prefix.length)),
  };
}

/** Parse a text into greeting, TL;DR, body, closing, signature and P.S. */
export function parseDocument(text: string): TextDocument {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd());
  let first = 0;
  let last = lines.length - 1;
  const skipBlank = () => {
    while (first <= last && (lines[first] ?? '').trim() === '') first += 1;
    while (last >= first && (lines[last] ?? '').trim() === '') last -= 1;
  };
  skipBlank();
  let postscript: string | null = null;
  if (last >= first && postscriptPattern.test((lines[last] ?? '').trim())) {
    postscript = (lines[last] ?? '').trim().replace(postscriptPattern, '');
    last -= 1;
    skipBlank();
  }
  let closing: string | null = null;
  let signature: string | null = null;
  if (last > first && isClosingLine(lines[last] ?? '')) {
    closing = (lines[last] ?? '').trim();
    last -= 1;
  } else if (last - 1 > first && isClosingLine(lines[last - 1] ?? '') && isSignatureLine(lines[last] ?? '')) {
    closing = (lines[last - 1] ?? '').trim();
    signature = (lines[last] ?? '').trim();
    last -= 2;
  }
  skipBlank();
  let greeting: string | null = null;
  if (first <= last && isGreetingLine(lines[first] ?? '')) {
    greeting = (lines[first] ?? '').trim();
    first += 1;
    skipBlank();
  }
  let tldr: string | null = null;
  if (first <= last && tldrPattern.test((lines[first] ?? '').trim())) {
    tldr = (lines[first] ?? '').trim().replace(tldrPattern, '');
    first += 1;
    skipBlank();
  }
  const body: BodyLine[][] = [];
  let paragraph: BodyLine[] = [];
  for (let index = first; index <= last; index += 1) {
    const line = lines[index] ?? '';
    if (line.trim() === '') {
      if (paragraph.length > 0) body.push(paragraph);
      paragraph = [];
      continue;
    }
    paragraph.push(parseLine(line));
  }
  if (paragraph.length > 0) body.push(paragraph);
  return { greeting, tldr, body, closing, signature, postscript };
}

// NOTE: sized for the full offline sweep: at 4,096 entries it evicted 61,000 of the 65,000 documents
// it parsed, and parsed many of them again (npm run bench:speed).
const readCache = new BoundedCache<string, TextDocument>(32_768);

/**
 * The parsed document of a text, memoized: for detectors only, which must not change it. Editors
 * use `parseDocument` or `editDocument`, which return a fresh copy.
 */
export function readDocument(text: string): TextDocument {
  return readCache.getOrSet(text, () => parseDocument(text));
}

/** Render a line: prefix and sentences joined by spaces. */
export function renderLine(line: BodyLine): string {
  return line.prefix + line.sentences.join(' ');
}

/** Render only the body (paragraphs separated by a blank line). */
export function renderBody(body: readonly (readonly BodyLine[])[]): string {
  return body
    .map((paragraph) =>
      paragraph
        .filter((line) => line.sentences.length > 0)
        .map(renderLine)
        .join('\n'),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** Render a document: its parts separated by blank lines. */
export function renderDocument(document: TextDocument): string {
  const parts: string[] = [];
  if (document.greeting !== null) parts.push(document.greeting);
  if (document.tldr !== null) parts.push(`TL;DR: ${document.tldr}`);
  const body = renderBody(document.body);
  if (body !== '') parts.push(body);
  if (document.closing !== null) {
    parts.push(document.signature === null ? document.closing : `${document.closing}\n${document.signature}`);
  } else if (document.signature !== null) {
    parts.push(document.signature);
  }
  if (document.postscript !== null) parts.push(`P.S. ${document.postscript}`);
  return parts.join('\n\n');
}

/** Parse, change, render: the shape of every structural editor. */
export function editDocument(text: string, change: (document: TextDocument) => void): string {
  const document = parseDocument(text);
  change(document);
  return renderDocument(document);
}
