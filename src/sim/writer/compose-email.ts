import { fnvHash } from '../text/fnv-hash.js';
import { BoundedCache } from '../text/bounded-cache.js';
import { splitSentences } from '../text/sentences.js';
import { proseFromFragment, spellOut } from './note-prose.js';
import { salientSentences } from './extractive-summary.js';
import { wordSet } from '../text/word-set.js';

/**
 * The notes as sentences of prose (`proseFromFragment`): list markers stripped, a "Key: a; b" line read
 * as one sentence per part ("One of the strengths is a."), fragments split at any end mark (notes
 * often start sentences in lower case), shorthand spelled out, nothing pasted verbatim.
 */
export function noteSentences(notes: string): string[] {
  return [...noteCache.getOrSet(notes, () => readNotes(notes))];
}

const noteCache = new BoundedCache<string, readonly string[]>(2048);

function readNotes(notes: string): string[] {
  const sentences: string[] = [];
  for (const rawLine of notes.split(/\n+/)) {
    const line = spellOut(rawLine.trim().replace(/^(?:[-+•*]|\d+[.)])\s+/, ''));
    if (line === '') continue;
    const keyed = /^([\p{L}][\p{L} ]{0,20}):\s+(.*)$/u.exec(line);
    const parts = keyed !== null && /;/.test(line) ? (keyed[2] ?? '').split(/;\s*/) : [line];
    const key = keyed !== null && parts.length > 1 ? (keyed[1] ?? '') : '';
    const plural = /[^s]s$/i.test(key);
    for (const part of parts) {
      for (const piece of part.split(/(?<=[.!?])\s+(?=\S)/u).flatMap((text) => splitSentences(text))) {
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
export const defaultGreeting = 'Hi,';
export const defaultClosing = 'Best,';
export const defaultSignature = '[Your Name]';

/** Pleasantries a plain email opens with (each a throat-clearing sentence that "straight to the point" removes). */
const pleasantries = [
  'I hope this email finds you well.',
  'I hope you are doing well.',
  'I hope all is well.',
];
const purposes = [
  'I am writing to share a quick update.',
  'I wanted to share a quick update.',
  'I am writing to share where things stand.',
];

/** The opening of a plain email: a pleasantry and a purpose, chosen by a hash of the notes. */
export function emailOpening(notes: string): string {
  const hash = fnvHash(notes);
  return `${pleasantries[hash % pleasantries.length] ?? ''} ${purposes[Math.floor(hash / 7) % purposes.length] ?? ''}`;
}

const nameWord = String.raw`\p{Lu}[\p{L}'’-]*`;
const titled = String.raw`(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?`;
const notNames = wordSet(
  'I Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December',
);

/**
 * Whom the notes address, and the notes without that mention:
 * - an opening "to: Mr Patel (landlord)." / "To Ms Okafor." / "to: Sunita @ Castle Lettings"; an
 *   opening header naming a group ("to
 *   all - ...", greeted as "all") or an organisation ("to: Brightmart customer service", no name);
 * - a note to self naming them: "send Anna the recipe", "tell Priya", "let coach Dan know",
 *   "thank Mrs Hale" (a role before the name is dropped: "Dan");
 * - a request they made: "Tom wants the shakshuka" / "Tom asked for...".
 * In `rest`, the note to self is told to them ("send Anna the recipe she asked for" → "I am sending
 * you the recipe you asked for"; "tell Priya and ask who can drive him" → "could you let me know who can
 * drive him?"). Undefined name when the notes imply none.
 */
export function addresseeOf(notes: string): { readonly name: string | undefined; readonly rest: string } {
  const opening = new RegExp(
    String.raw`^\s*[Tt]o:?\s+(${titled}${nameWord}(?:\s+${nameWord})?)(?:\s+(?:@|at)\s+[^\n.;:()]{1,40})?\s*(?:\([^)]*\))?\s*[.,;:]?\s*`,
    'u',
  ).exec(notes);
  if (opening !== null) return { name: opening[1], rest: notes.slice(opening[0].length) };
  // A header naming a group or an organisation ("to all - ...", "to: Brightmart customer service"):
  // not a sentence of the email; a group is greeted as "all".
  const header = /^\s*to:?\s+([^\n:–—]{1,60}?)\s*(?::[ \t]+|[ \t][-–—][ \t]+|[ \t]*\n|[ \t]*$)/iu.exec(notes);
  if (header !== null && (header[1] ?? '').split(/\s+/).length <= 5) {
    const group = /^(?:all|everyone|everybody|team|the team|managers|staff|folks|all staff)$/i.test(
      header[1] ?? '',
    );
    return { name: group ? 'all' : undefined, rest: notes.slice(header[0].length) };
  }
  const task = new RegExp(
    String.raw`\b(send|tell|ask|let|thank|warn|remind|email|text|message|call)\s+(?:(?:coach|nurse|teacher|doctor|aunt|uncle|cousin|my friend)\s+)?(${titled}${nameWord})`,
    'u',
  ).exec(notes);
  const wish = new RegExp(String.raw`(?:^|[.\n]\s*)(${nameWord})\s+(wants|asked)\b`, 'u').exec(notes);
  const name = [task?.[2], wish?.[1]].find(
    (candidate) => candidate !== undefined && !notNames.has(candidate),
  );
  if (name === undefined) return { name: undefined, rest: notes };
  return { name, rest: toAddressee(notes, name) };
}

/** The notes' mentions of their addressee told to them ("send Anna X" → "I am sending you X"). */
function toAddressee(notes: string, name: string): string {
  const who = String.raw`(?:(?:coach|nurse|teacher|doctor|aunt|uncle|cousin|my friend)\s+)?${name}`;
  const rules: readonly (readonly [RegExp, string])[] = [
    [new RegExp(String.raw`\bsend\s+${who}\s+(the|a|an|my|our|some)\b`, 'gu'), 'I am sending you $1'],
    [
      new RegExp(
        String.raw`\btell\s+${who}\s*(?:\+|and|,)\s*ask\s+(?=who|what|when|where|whether|if|how)`,
        'gu',
      ),
      'could you let me know ',
    ],
    [
      new RegExp(String.raw`\bask\s+${who}\s+(?=who|what|when|where|whether|if|how)`, 'gu'),
      'could you let me know ',
    ],
    [new RegExp(String.raw`\blet\s+${who}\s+know\s+`, 'gu'), 'please note that '],
    [new RegExp(String.raw`\bthank\s+${who}\b`, 'gu'), 'thank you'],
    [
      new RegExp(String.raw`\b(?:tell|remind|warn)\s+(?:${who}|him|her|them)\s+`, 'gu'),
      'I should tell you that ',
    ],
    [new RegExp(String.raw`\b${name}\s+(wants|asked)\b`, 'gu'), 'you $1'],
    [/\byou wants\b/g, 'you wanted'],
    [new RegExp(String.raw`\b(?:tell|email|text|message|call)\s+${who}\b[.,]?\s*`, 'gu'), ''],
  ];
  let text = notes;
  for (const [pattern, replacement] of rules) text = text.replace(pattern, replacement);
  // The fragment that now speaks to them: "the recipe she asked for" → "the recipe you asked for".
  return text.replace(/\b(I am sending you [^.\n]*?)\b(?:she|he)\s+(asked|wanted|liked)\b/g, '$1you $2');
}

/**
 * A short email from notes in a neutral default style: a greeting fitting the addressee the notes
 * imply ("Hi Anna," or a neutral "Hi,"), a pleasantry and a purpose (`emailOpening`), the `count`
 * most salient note sentences in order (`noteSentences`, prose, nothing pasted verbatim), "Best," and
 * a name placeholder. The default is deliberately plain so that it misses most latent preferences
 * (no structure, no hook, filler, a neutral sign-off).
 */
export function composeEmail(notes: string, count: number): string {
  const { name, rest } = addresseeOf(notes);
  const body = salientSentences(noteSentences(rest), count).join(' ');
  const greeting = name === undefined ? defaultGreeting : `Hi ${name},`;
  return `${greeting}\n\n${emailOpening(notes)} ${body}\n\n${defaultClosing}\n${defaultSignature}`;
}
