import type { Task } from '../../spec/index.js';
import { applyRequirements } from './apply-requirements.js';
import { styleAtoms } from './atom-registry.js';
import type { AtomRequirement } from './atom-requirement.js';
import { requirementKey } from './atom-requirement.js';
import { BoundedCache } from '../text/bounded-cache.js';
import type { StyleAtom } from './style-atom.js';
import { noteSentences } from '../writer/compose-email.js';

/** True for an atom a user who did not ask for it may object to (its rule is not `never`). */
export function isMarked(atom: StyleAtom): boolean {
  return atom.unwanted.when !== 'never';
}

/**
 * True when the context carries the atom: as written, read as sentences (terse notes often start
 * sentences in lower case), or rewritten with the user's requirements (a "how do I" of the notes
 * told in the second person is a question to "you").
 */
function contextCarries(atom: StyleAtom, forms: ContextForms, task: Task): boolean {
  return forms.texts.some(
    (form, index) => atom.detect(form, task) || atom.detect(forms.rewritten(index), task),
  );
}

/** The context as it is and as notes read, each rewritten with the user's requirements on first use. */
interface ContextForms {
  readonly texts: readonly string[];
  rewritten(index: number): string;
}

// NOTE: the rewritten forms depend on the context and the requirements only, not on the atom: they are
// made once per `unwantedAtoms` call, not once per marked atom found in the text.
function contextForms(
  contextText: string,
  task: Task,
  requirements: readonly AtomRequirement[],
): ContextForms {
  const texts = [contextText, noteSentences(contextText).join(' ')];
  const rewritten: string[] = [];
  return {
    texts,
    rewritten: (index) => (rewritten[index] ??= applyRequirements(texts[index] ?? '', task, requirements)),
  };
}

/**
 * Whether a context carries each atom asked about, by (task kind, requirements) and context text: a
 * pure function of those, asked again for every draft a user reviews of the same document.
 */
const carriedByContext = new BoundedCache<string, BoundedCache<string, Map<string, boolean>>>(1024);

function carriedIn(contextText: string, task: Task, requirements: readonly AtomRequirement[]) {
  const key = `${task.kind}\n${requirements.map(requirementKey).join('\n')}`;
  return carriedByContext
    .getOrSet(key, () => new BoundedCache(256))
    .getOrSet(contextText, () => new Map<string, boolean>());
}

/** The marked atoms, in the fixed order. */
export const markedAtoms: readonly StyleAtom[] = styleAtoms.filter(isMarked);

/**
 * The marked features of `text` that a user with these requirements objects to (DESIGN.md §4), in
 * the fixed order. An atom is unwanted when all of these hold:
 * - it is present in the text and its rule (`StyleAtom.unwanted`) applies: `unrequested`, or `under`
 *   with one of its atoms among the user's own requirements;
 * - the user's preference does not mention it (asking for it, or to avoid it: an avoided atom is an
 *   unmet requirement, not an objection);
 * - the user's own preference does not bring it back: removing it and then applying the user's
 *   requirements leaves it absent (a Q/A layout asks questions, so "inquisitive" is no objection to
 *   a user who wants one);
 * - with `unlessInContext`, the context does not carry it (`contextText`), as it is or rewritten
 *   with the user's requirements.
 */
export function unwantedAtoms(
  text: string,
  task: Task,
  requirements: readonly AtomRequirement[],
  contextText?: string,
): StyleAtom[] {
  const mentioned = new Set(requirements.map((requirement) => requirement.atom));
  const asked = new Set(
    requirements.filter((requirement) => !requirement.avoid).map((requirement) => requirement.atom),
  );
  let forms: ContextForms | undefined;
  let carried: Map<string, boolean> | undefined;
  return markedAtoms.filter((atom) => {
    const rule = atom.unwanted;
    if (mentioned.has(atom.id) || atom.remove === undefined) return false;
    if (rule.when === 'under' && !rule.atoms.some((id) => asked.has(id))) return false;
    if (!atom.detect(text, task)) return false;
    if (rule.when === 'unrequested' && rule.unlessInContext === true && contextText !== undefined) {
      carried ??= carriedIn(contextText, task, requirements);
      let carries = carried.get(atom.id);
      if (carries === undefined) {
        forms ??= contextForms(contextText, task, requirements);
        carries = contextCarries(atom, forms, task);
        carried.set(atom.id, carries);
      }
      if (carries) return false;
    }
    const without = atom.remove(text, task);
    return !atom.detect(applyRequirements(without, task, requirements), task);
  });
}

/**
 * A person's revision of `text` to their style: apply their requirements, remove the marked features
 * they object to, and apply the requirements again (a removal may undo one), until nothing is left
 * to change or three passes have run. A text that already suits them comes back unchanged.
 */
export function reviseToStyle(
  text: string,
  task: Task,
  requirements: readonly AtomRequirement[],
  contextText?: string,
): string {
  let current = applyRequirements(text, task, requirements);
  for (let pass = 0; pass < 3; pass += 1) {
    const unwanted = unwantedAtoms(current, task, requirements, contextText);
    if (unwanted.length === 0) break;
    for (const atom of unwanted) current = atom.remove?.(current, task) ?? current;
    current = applyRequirements(current, task, requirements);
  }
  return current;
}

/**
 * Atoms that the requested ones rule out (`under` rules: exclamation marks under a professional
 * tone), unless requested themselves. A writer asked for a professional tone knows it means no
 * exclamations, so the offline writer removes these after applying a preference.
 */
export function ruledOutAtoms(requirements: readonly AtomRequirement[]): StyleAtom[] {
  const asked = new Set(
    requirements.filter((requirement) => !requirement.avoid).map((requirement) => requirement.atom),
  );
  return markedAtoms.filter((atom) => {
    const rule = atom.unwanted;
    return rule.when === 'under' && !asked.has(atom.id) && rule.atoms.some((id) => asked.has(id));
  });
}
