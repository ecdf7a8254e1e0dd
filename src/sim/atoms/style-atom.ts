import type { Task } from '../../spec/index.js';
import { BoundedCache } from '../text/bounded-cache.js';

/**
 * When a simulated user who did not ask for an atom objects to finding it in a draft (DESIGN.md §4:
 * the user judges like a person asked "is this in my style?"). Declared beside each atom.
 * - `never`: an unmarked property (brief, clear, positive...): nobody objects to it.
 * - `unrequested`: a marked feature (emojis, hashtags, a list or Q/A layout, a P.S....): objected to
 *   unless the user's own preference asks for it or brings it back (see `unwantedAtoms`), or, with
 *   `unlessInContext`, unless the context itself carries it (a question quoted from a review is the
 *   review's content, not the writer's style).
 * - `under`: objected to only when the user's preference holds one of `atoms` (exclamation marks under
 *   a professional tone).
 * An atom whose rule is not `never` must have a `remove` editor: that is how the user's edit drops it.
 */
export type UnwantedRule =
  | { readonly when: 'never'; readonly why: string }
  | { readonly when: 'unrequested'; readonly unlessInContext?: boolean; readonly why: string }
  | { readonly when: 'under'; readonly atoms: readonly string[]; readonly why: string };

/**
 * An operational writing property of the offline world (DESIGN.md §4): a text has it or not
 * (`detect`), and an editor rewrites a text so that it has it (`apply`).
 *
 * Contracts, tested over the corpus:
 * - `apply` is idempotent: a text that already has the atom is returned unchanged;
 * - after `apply`, `detect` holds;
 * - atoms are applied in the registry's fixed order (`styleAtoms`), and within any built-in
 *   preference every earlier atom still holds after the later ones are applied;
 * - `remove`, when present, makes `detect` false (the atom can be avoided: "no emojis").
 */
export interface StyleAtom {
  /** Kebab-case identifier, e.g. `bullet-points`. */
  readonly id: string;
  /** Words a preference text may use for it; the first is the canonical phrase used in outputs. */
  readonly phrases: readonly string[];
  /** Canonical phrase for avoiding it ("no emojis"); set only when `remove` exists. */
  readonly avoidPhrase?: string;
  /** The operational definition: what `detect` checks and what `apply` does. */
  readonly meaning: string;
  /** Atoms that cannot hold together with this one (declared on both sides). */
  readonly conflicts: readonly string[];
  /** When a user who did not ask for it objects to it. */
  readonly unwanted: UnwantedRule;
  detect(text: string, task: Task): boolean;
  apply(text: string, task: Task): string;
  remove?(text: string, task: Task): string;
}

/** What an atom definition provides besides its id: `edit` runs only when the atom is missing. */
export interface AtomDefinition {
  readonly phrases: readonly string[];
  /** Used only with `strip`; defaults to "no " and the first phrase ("no hashtags"). */
  readonly avoidPhrase?: string;
  readonly meaning: string;
  readonly conflicts?: readonly string[];
  readonly unwanted: UnwantedRule;
  detect(text: string, task: Task): boolean;
  edit(text: string, task: Task): string;
  /** Editor removing the property; runs only when it is present. */
  strip?(text: string, task: Task): string;
}

/** What every atom detected in a text, by atom (`slot`), unknown until asked. */
type Detections = (boolean | undefined)[];

/**
 * Detections by task kind and text, shared by every atom, with the last text looked up. NOTE: one row
 * per text rather than one cache per atom: the user and the writer ask many atoms about the same text
 * in a row, and each lookup of a long text in a Map costs a hash and a comparison of the whole text.
 */
const detections = {
  summarization: { rows: new BoundedCache<string, Detections>(16_384), text: '', row: [] as Detections },
  email: { rows: new BoundedCache<string, Detections>(16_384), text: '', row: [] as Detections },
  custom: { rows: new BoundedCache<string, Detections>(1024), text: '', row: [] as Detections },
};
let atomsDefined = 0;

/** The detections row of a text (see `detections`). */
function detectionsOf(text: string, task: Task): Detections {
  const byKind = detections[task.kind];
  if (text !== byKind.text) {
    byKind.row = byKind.rows.getOrSet(text, () => []);
    byKind.text = text;
  }
  return byKind.row;
}

/**
 * Build the atom `id` (kebab-case) whose `apply` and `remove` leave a text alone when there is nothing
 * to do. Detection and editing are memoized per (task kind, text): both are pure functions of them. (A
 * custom task's instruction does not change any atom.)
 *
 * @example
 * defineAtom('with-emojis', { unwanted, phrases: ['with emojis'], meaning, detect, edit, strip });
 */
export function defineAtom(id: string, definition: AtomDefinition): StyleAtom {
  const { strip } = definition;
  const slot = atomsDefined++;
  const applied = {
    summarization: new BoundedCache<string, string>(2048),
    email: new BoundedCache<string, string>(2048),
    custom: new BoundedCache<string, string>(512),
  };
  const detect = (text: string, task: Task) => {
    const row = detectionsOf(text, task);
    return (row[slot] ??= definition.detect(text, task));
  };
  return {
    id,
    phrases: definition.phrases,
    avoidPhrase:
      strip === undefined ? undefined : (definition.avoidPhrase ?? `no ${definition.phrases[0] ?? id}`),
    meaning: definition.meaning,
    conflicts: definition.conflicts ?? [],
    unwanted: definition.unwanted,
    detect,
    apply: (text, task) =>
      detect(text, task) ? text : applied[task.kind].getOrSet(text, () => definition.edit(text, task)),
    remove: strip === undefined ? undefined : (text, task) => (detect(text, task) ? strip(text, task) : text),
  };
}
