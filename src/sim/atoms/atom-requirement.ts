import { InvalidInputError } from '../../spec/index.js';
import { atomOrder, atomsConflict, getAtom } from './atom-registry.js';

/**
 * One component of a preference in the offline world: an atom the text must have, or (`avoid`)
 * must not have ("no emojis"). Only atoms with a `remove` editor can be avoided.
 */
export interface AtomRequirement {
  readonly atom: string;
  readonly avoid: boolean;
}

/** A short label: `bullet-points` or `avoid:with-emojis`. */
export function requirementKey(requirement: AtomRequirement): string {
  return requirement.avoid ? `avoid:${requirement.atom}` : requirement.atom;
}

/** Fixed application order: required atoms in registry order, then avoided atoms in registry order. */
export function sortRequirements(requirements: readonly AtomRequirement[]): AtomRequirement[] {
  return [...requirements].sort(
    (left, right) => Number(left.avoid) - Number(right.avoid) || atomOrder(left.atom) - atomOrder(right.atom),
  );
}

/** True when the two requirements cannot hold together (declared conflict, or X and "no X"). */
export function requirementsConflict(left: AtomRequirement, right: AtomRequirement): boolean {
  if (left.atom === right.atom) return left.avoid !== right.avoid;
  if (left.avoid || right.avoid) return false;
  return atomsConflict(left.atom, right.atom);
}

/** The first pair of conflicting requirements, if any. */
export function findConflict(
  requirements: readonly AtomRequirement[],
): readonly [AtomRequirement, AtomRequirement] | undefined {
  for (let left = 0; left < requirements.length; left += 1) {
    for (let right = left + 1; right < requirements.length; right += 1) {
      const a = requirements[left] as AtomRequirement;
      const b = requirements[right] as AtomRequirement;
      if (requirementsConflict(a, b)) return [a, b];
    }
  }
  return undefined;
}

/** Keep requirements in mention order, dropping any that conflicts with one kept before it. */
export function resolveConflicts(requirements: readonly AtomRequirement[]): AtomRequirement[] {
  const kept: AtomRequirement[] = [];
  for (const requirement of requirements) {
    if (kept.some((other) => requirementKey(other) === requirementKey(requirement))) continue;
    if (kept.some((other) => requirementsConflict(other, requirement))) continue;
    kept.push(requirement);
  }
  return kept;
}

/**
 * Check that requirements can make one latent preference: every atom exists, avoided atoms can be
 * removed, and no two conflict. Throws InvalidInputError naming both atoms of a conflict.
 */
export function validateRequirements(requirements: readonly AtomRequirement[], field = 'preference'): void {
  for (const requirement of requirements) {
    const atom = getAtom(requirement.atom);
    if (requirement.avoid && atom.remove === undefined) {
      throw new InvalidInputError({
        field,
        value: requirement.atom,
        message: `invalid ${field}: the atom "${requirement.atom}" cannot be avoided (no editor removes it)`,
      });
    }
  }
  const conflict = findConflict(requirements);
  if (conflict !== undefined) {
    const [left, right] = conflict.map(requirementKey);
    throw new InvalidInputError({
      field,
      value: [left, right],
      message: `invalid ${field}: the atoms "${left}" and "${right}" conflict and cannot be in one preference`,
    });
  }
}
