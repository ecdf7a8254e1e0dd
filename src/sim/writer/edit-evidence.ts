import type { EditPair, Task } from '../../spec/index.js';
import { applyRequirements } from '../atoms/apply-requirements.js';
import { styleAtoms } from '../atoms/atom-registry.js';
import type { AtomRequirement } from '../atoms/atom-requirement.js';
import { requirementKey } from '../atoms/atom-requirement.js';

/**
 * What one (original, edited) pair shows, as atom requirements:
 * - gained atoms (detected in the edit, not in the original) become requirements, except those the
 *   other gained atoms explain: an atom is incidental when applying the other gained atoms to the
 *   original already makes it hold (e.g. "clear" after the user split sentences for "short
 *   sentences"). Candidates are examined from last to first in the fixed order, so at least one stays;
 * - lost atoms (detected in the original, not in the edit) that can be avoided become "avoid"
 *   requirements, unless applying the kept gained atoms to the original loses them too.
 * An accepted pair (equal texts) shows nothing.
 */
export function editEvidence(pair: EditPair, task: Task): AtomRequirement[] {
  if (pair.original === pair.edited) return [];
  const gained: AtomRequirement[] = [];
  const lost: AtomRequirement[] = [];
  for (const atom of styleAtoms) {
    const before = atom.detect(pair.original, task);
    const after = atom.detect(pair.edited, task);
    if (after && !before) gained.push({ atom: atom.id, avoid: false });
    if (before && !after && atom.remove !== undefined) lost.push({ atom: atom.id, avoid: true });
  }
  let kept = [...gained];
  for (const candidate of [...gained].reverse()) {
    const others = kept.filter((other) => other.atom !== candidate.atom);
    const explained = applyRequirements(pair.original, task, others);
    if (styleAtoms.find((atom) => atom.id === candidate.atom)?.detect(explained, task) === true)
      kept = others;
  }
  const afterGains = applyRequirements(pair.original, task, kept);
  const keptLost = lost.filter(
    (requirement) =>
      styleAtoms.find((atom) => atom.id === requirement.atom)?.detect(afterGains, task) === true,
  );
  return [...kept, ...keptLost];
}

/** Requirements shown by more than half of the pairs (all of them for one pair), in first-seen order. */
export function majorityEvidence(pairs: readonly EditPair[], task: Task): AtomRequirement[] {
  const counts = new Map<string, { requirement: AtomRequirement; count: number }>();
  for (const pair of pairs) {
    for (const requirement of editEvidence(pair, task)) {
      const key = requirementKey(requirement);
      const entry = counts.get(key) ?? { requirement, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
  }
  return [...counts.values()]
    .filter((entry) => entry.count * 2 > pairs.length)
    .map((entry) => entry.requirement);
}
