import { InvalidInputError } from '../../spec/index.js';
import { additionAtoms } from './addition-atoms.js';
import { envelopeAtoms } from './envelope-atoms.js';
import { layoutAtoms } from './layout-atoms.js';
import { lengthAtoms } from './length-atoms.js';
import { markAtoms, punctuationAtoms } from './mark-atoms.js';
import type { StyleAtom } from './style-atom.js';
import { surfaceAtoms } from './surface-atoms.js';
import { voiceAtoms } from './voice-atoms.js';

/**
 * Every style atom, in the fixed order in which editors run:
 * 1. length and economy (may drop content): straight-to-the-point, brief, tweet-style, clear, short-sentences;
 * 2. voice and vocabulary: simple-english, second-person, third-person, informal, professional-tone;
 * 3. stock sentences and marks: positive ... personalized, hashtags, with-emojis;
 * 4. body layout: bullet-points, numbered-list, qa-format, structured, parallel-structure;
 * 5. envelope: tl-dr, greetings, sign-offs, ps-line;
 * 6. spelling and typography: british-spelling, ampersands, caps-emphasis, bold-key-terms,
 *    semicolons, exclamation-marks.
 * Avoided atoms ("no emojis") are removed after all of these.
 */
export const styleAtoms: readonly StyleAtom[] = [
  ...lengthAtoms,
  ...voiceAtoms,
  ...additionAtoms,
  ...markAtoms,
  ...layoutAtoms,
  ...envelopeAtoms,
  ...surfaceAtoms,
  ...punctuationAtoms,
];

const byId = new Map(styleAtoms.map((atom) => [atom.id, atom]));
const orderOf = new Map(styleAtoms.map((atom, index) => [atom.id, index]));

/** Ids of every atom, in the fixed order. */
export const atomIds: readonly string[] = styleAtoms.map((atom) => atom.id);

/** The atom with this id. Throws InvalidInputError listing the known ids. */
export function getAtom(id: string): StyleAtom {
  const atom = byId.get(id);
  if (atom === undefined)
    throw new InvalidInputError({ field: 'atom', value: id, accepted: atomIds.join(', ') });
  return atom;
}

/** Position of an atom in the fixed order (for sorting). */
export function atomOrder(id: string): number {
  return orderOf.get(id) ?? Number.MAX_SAFE_INTEGER;
}

/** True when the two atoms are declared incompatible (by either side). */
export function atomsConflict(left: string, right: string): boolean {
  return (
    (byId.get(left)?.conflicts.includes(right) ?? false) ||
    (byId.get(right)?.conflicts.includes(left) ?? false)
  );
}
