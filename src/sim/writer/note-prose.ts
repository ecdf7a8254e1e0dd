import { capitalize, ensureTerminal } from '../text/sentences.js';
import { finiteVerbs } from '../text/split-long-sentence.js';

/** Shorthand of terse notes and what it stands for in prose (general note-taking habits). */
const shorthand: readonly (readonly [RegExp, string])[] = [
  [/\s*(?:->|→|=>)\s*/g, ', which leads to '],
  [/(?<=\s|^)@\s?(?=\d)/g, 'at '],
  [/(?<=\s|^)@(?=\s)/g, 'at'],
  [/\bw\/o\b/gi, 'without'],
  [/\bw\/(?=\s)/gi, 'with'],
  [/\bb\/c\b/gi, 'because'],
  [/\bwks?\b/gi, 'weeks'],
  [/\bmins?\b/gi, 'minutes'],
  [/\bhrs?\b/gi, 'hours'],
  [/\bappt\b/gi, 'appointment'],
  [/\bapprox\.?(?=\s)/gi, 'about'],
  [/\bthx\b/gi, 'thanks'],
  [/\bpls\b/gi, 'please'],
  [/\bppl\b/gi, 'people'],
  [/\basap\b/gi, 'as soon as possible'],
  [/\btmrw\b/gi, 'tomorrow'],
  [/\bre:\s*/gi, 'about '],
  [/\s\+\s/g, ' and '],
  [/(?<=\p{L})\s*&\s*(?=\p{L})/gu, ' and '],
];

/** Keys whose label is only a heading in notes ("Abstract:", "Notes:"): the value stands alone. */
const headingKeys = new Set([
  'abstract',
  'notes',
  'note',
  'summary',
  'body',
  'details',
  'context',
  'text',
  'update',
]);

/** Verbs that open a note written without its subject ("want to propose...", "thinking of..."). */
const subjectlessVerbs = new Set(
  (
    'want wanted need needed feel felt think thought hope hoped plan planned wonder wondering thinking ' +
    'planning hoping trying going looking considering asked told tried talked got have had am was ' +
    'would could can should will might must'
  ).split(' '),
);

/** True when the fragment holds a common finite verb or a contraction ("is", "lost", "don't"). */
function hasVerb(fragment: string): boolean {
  return fragment
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => !/\d/.test(word))
    .map((word) => word.replace(/[^\p{L}']/gu, ''))
    .some((word) => finiteVerbs.has(word) || /n't$|'(s|re|m|ve|ll|d)$/.test(word));
}

/** Verbs a note to self opens with ("ask authors for...", "check the contract"): a request in prose. */
const requestVerbs = new Set(
  'ask check send call email book add fix clarify include discuss compare report explain confirm'.split(' '),
);

/**
 * A fragment opening with a subjectless verb gets "I" ("want to propose" → "I want to propose"); one
 * opening with a request verb becomes a request ("ask authors for X" → "Please ask authors for X").
 */
function withSubject(fragment: string): string {
  const first = (fragment.split(/\s+/)[0] ?? '').toLowerCase().replace(/[^\p{L}']/gu, '');
  if (requestVerbs.has(first)) return `Please ${fragment.charAt(0).toLowerCase()}${fragment.slice(1)}`;
  if (!subjectlessVerbs.has(first)) return fragment;
  // "could we meet?", "should I call?": a question that has its subject already.
  const second = (fragment.split(/\s+/)[1] ?? '').toLowerCase().replace(/[^\p{L}']/gu, '');
  if (['i', 'we', 'you', 'he', 'she', 'they', 'it'].includes(second)) return fragment;
  const lowered = fragment.charAt(0).toLowerCase() + fragment.slice(1);
  if (first.endsWith('ing')) return `I am ${lowered}`;
  return `I ${lowered}`;
}

/**
 * One note fragment as a sentence of prose: shorthand spelled out ("@" → "at", "wks" → "weeks",
 * "->" → ", which leads to"), a keyed note ("Big issue: only 8 signers") read as "The big issue is only
 * 8 signers.", a heading key ("Abstract:") dropped, a subjectless verb given "I", a note to self made
 * a request ("Please ask..."), first letter capitalized and a final period added.
 */
export function proseFromFragment(fragment: string): string {
  let text = fragment.trim().replace(/^(?:[-+•*]|\d+[.)])\s+/, '');
  for (const [pattern, replacement] of shorthand) text = text.replace(pattern, replacement);
  text = text.replace(/\s+/g, ' ').trim();
  const keyed = /^([\p{L}][\p{L}' ]{0,32}?)\s*(?::|\s-\s|\s–\s)\s*(\S.*)$/u.exec(text);
  if (keyed !== null) {
    const key = (keyed[1] ?? '').trim();
    const value = (keyed[2] ?? '').trim();
    if (headingKeys.has(key.toLowerCase())) text = value;
    else if (key.split(' ').length <= 5 && !hasVerb(key)) {
      const lowered = key.toLowerCase();
      const subject = /^one of the /.test(lowered)
        ? lowered.charAt(0).toUpperCase() + lowered.slice(1)
        : `The ${lowered}`;
      // A title or quote stays as written.
      const quoted = /^["“]/.test(value) || /^(title|paper|project|topic)$/.test(lowered);
      const rest = quoted ? value : `${value.charAt(0).toLowerCase()}${value.slice(1)}`;
      text = `${subject} is ${rest}`;
    }
  }
  text = withSubject(text);
  return capitalize(ensureTerminal(text));
}
