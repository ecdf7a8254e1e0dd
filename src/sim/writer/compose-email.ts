import { capitalize, ensureTerminal, splitSentences } from '../text/sentences.js';
import { salientSentences } from './extractive-summary.js';

const droppedKeys = new Set(['abstract', 'notes', 'note', 'summary', 'body', 'details', 'context', 'text']);

/**
 * The note fragments as sentences: list markers stripped, "Key: a; b" lines split at semicolons,
 * generic keys (Abstract:, Notes:) dropped, each fragment capitalized and ended with a period.
 */
export function noteSentences(notes: string): string[] {
  const sentences: string[] = [];
  for (const rawLine of notes.split(/\n+/)) {
    let line = rawLine.trim().replace(/^(?:[-+•*]|\d+[.)])\s+/, '');
    if (line === '') continue;
    const keyed = /^([\p{L}][\p{L} ]{0,20}):\s+(.*)$/u.exec(line);
    if (keyed !== null && droppedKeys.has((keyed[1] ?? '').toLowerCase())) line = keyed[2] ?? '';
    const parts = keyed !== null && /;/.test(line) ? line.replace(/^[^:]*:\s*/, '').split(/;\s*/) : [line];
    const prefix = keyed !== null && parts.length > 1 ? `${keyed[1]}: ` : '';
    parts.forEach((part, index) => {
      // NOTE: notes often start sentences in lower case, so any end mark followed by a space splits.
      for (const sentence of part
        .split(/(?<=[.!?])\s+(?=\S)/u)
        .flatMap((piece) => splitSentences(capitalize(piece)))) {
        const trimmed = sentence.trim();
        if (trimmed !== '') sentences.push(capitalize(ensureTerminal((index === 0 ? prefix : '') + trimmed)));
      }
    });
  }
  return sentences;
}

/** Opening and sign-off of the neutral default email. */
export const defaultEmailOpening = 'I hope this email finds you well. I am writing to share a quick update.';
export const defaultGreeting = 'Hi,';
export const defaultClosing = 'Best,';
export const defaultSignature = '[Your Name]';

/**
 * A short email from notes in a neutral default style: "Hi,", two pleasantry sentences, the
 * `count` most salient note sentences in order, "Best," and a name placeholder. The default is
 * deliberately plain so that it misses most latent preferences (no structure, no hook, filler, a
 * neutral sign-off).
 */
export function composeEmail(notes: string, count: number): string {
  const body = salientSentences(noteSentences(notes), count).join(' ');
  return `${defaultGreeting}\n\n${defaultEmailOpening} ${body}\n\n${defaultClosing}\n${defaultSignature}`;
}
