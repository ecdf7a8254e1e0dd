import { capitalize, splitSentences } from '../text/sentences.js';
import { proseFromFragment } from './note-prose.js';
import { salientSentences } from './extractive-summary.js';

/**
 * The notes as sentences of prose (`proseFromFragment`): list markers stripped, a "Key: a; b" line read
 * as one sentence per part ("One of the strengths is a."), fragments split at any end mark (notes
 * often start sentences in lower case), shorthand spelled out, nothing pasted verbatim.
 */
export function noteSentences(notes: string): string[] {
  const sentences: string[] = [];
  for (const rawLine of notes.split(/\n+/)) {
    const line = rawLine.trim().replace(/^(?:[-+•*]|\d+[.)])\s+/, '');
    if (line === '') continue;
    const keyed = /^([\p{L}][\p{L} ]{0,20}):\s+(.*)$/u.exec(line);
    const parts = keyed !== null && /;/.test(line) ? (keyed[2] ?? '').split(/;\s*/) : [line];
    const key = keyed !== null && parts.length > 1 ? (keyed[1] ?? '') : '';
    const plural = /[^s]s$/i.test(key);
    for (const part of parts) {
      for (const piece of part
        .split(/(?<=[.!?])\s+(?=\S)/u)
        .flatMap((text) => splitSentences(capitalize(text)))) {
        if (piece.trim() === '') continue;
        const fragment =
          key === '' ? piece : plural ? `One of the ${key.toLowerCase()}: ${piece}` : `${key}: ${piece}`;
        sentences.push(proseFromFragment(fragment));
      }
    }
  }
  return sentences;
}

/** Opening and sign-off of the neutral default email. */
export const defaultEmailOpening = 'I hope this email finds you well. I am writing to share a quick update.';
export const defaultGreeting = 'Hi,';
export const defaultClosing = 'Best,';
export const defaultSignature = '[Your Name]';

/**
 * Whom the notes address, when they open with it ("to: Mr Patel (landlord).", "To Ms Okafor."): the
 * name, and the notes without that opening. Undefined name when they do not.
 */
export function addresseeOf(notes: string): { readonly name: string | undefined; readonly rest: string } {
  const match =
    /^\s*[Tt]o:?\s+((?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)\s*(?:\([^)]*\))?\s*[.,;:]?\s*/u.exec(
      notes,
    );
  if (match === null) return { name: undefined, rest: notes };
  return { name: match[1], rest: notes.slice(match[0].length) };
}

/**
 * A short email from notes in a neutral default style: "Hi," (with the addressee's name when the notes
 * open with one: "Hi Ms Okafor,"), two pleasantry sentences, the `count` most salient note sentences in
 * order, "Best," and a name placeholder. The default is deliberately plain so that it misses most
 * latent preferences (no structure, no hook, filler, a neutral sign-off).
 */
export function composeEmail(notes: string, count: number): string {
  const { name, rest } = addresseeOf(notes);
  const body = salientSentences(noteSentences(rest), count).join(' ');
  const greeting = name === undefined ? defaultGreeting : `Hi ${name},`;
  return `${greeting}\n\n${defaultEmailOpening} ${body}\n\n${defaultClosing}\n${defaultSignature}`;
}
