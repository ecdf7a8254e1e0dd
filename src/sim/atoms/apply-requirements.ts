import type { Task } from '../../spec/index.js';
import { getAtom } from './atom-registry.js';
import type { AtomRequirement } from './atom-requirement.js';
import { sortRequirements } from './atom-requirement.js';

/** True when the text meets the requirement (has the atom, or lacks an avoided one). */
export function requirementHolds(text: string, task: Task, requirement: AtomRequirement): boolean {
  const held = getAtom(requirement.atom).detect(text, task);
  return requirement.avoid ? !held : held;
}

/** The requirements the text does not meet, in the fixed order. */
export function unmetRequirements(
  text: string,
  task: Task,
  requirements: readonly AtomRequirement[],
): AtomRequirement[] {
  return sortRequirements(requirements).filter((requirement) => !requirementHolds(text, task, requirement));
}

/**
 * Rewrite a text so that it meets the requirements: in the fixed order, each requirement whose
 * check fails at that moment is enforced by its editor (`apply`, or `remove` for an avoided atom,
 * after every required one); required atoms a removal undid are applied once more.
 * `skip` leaves chosen requirements out (the offline writer's imperfection).
 */
export function applyRequirements(
  text: string,
  task: Task,
  requirements: readonly AtomRequirement[],
  options: { readonly skip?: (requirement: AtomRequirement) => boolean } = {},
): string {
  const applied = sortRequirements(requirements).filter(
    (requirement) => options.skip?.(requirement) !== true,
  );
  let current = text;
  for (const requirement of applied) {
    const atom = getAtom(requirement.atom);
    if (!requirement.avoid) current = atom.apply(current, task);
    else if (atom.remove !== undefined) current = atom.remove(current, task);
  }
  // NOTE: a removal can take away a required atom's only trace (deleting an added "Wow, what a ride!"
  // loses the exclamation mark), so required atoms run once more; `apply` leaves held atoms alone.
  if (applied.some((requirement) => requirement.avoid)) {
    for (const requirement of applied) {
      if (!requirement.avoid) current = getAtom(requirement.atom).apply(current, task);
    }
  }
  return current;
}
