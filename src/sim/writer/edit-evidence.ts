import type { EditPair, Task } from '../../spec/index.js';
import { applyRequirements } from '../atoms/apply-requirements.js';
import { getAtom, styleAtoms } from '../atoms/atom-registry.js';
import type { AtomRequirement } from '../atoms/atom-requirement.js';
import { requirementKey } from '../atoms/atom-requirement.js';

/**
 * What one (original, edited) pair shows, as atom requirements. `baseline` is the unguided draft the
 * original was written from, when the writer knows it (it wrote the original); otherwise the
 * original itself.
 * - Atoms that hold in the edit but not in the baseline become requirements: what the user's
 *   version shows beyond the default style (what the user added, and what the guidance added and the
 *   user kept). Atoms another candidate explains are dropped: a candidate is incidental when applying
 *   the other candidates to the baseline already makes it hold (e.g. "clear" once sentences were split
 *   for "short sentences"). Candidates are examined from last to first in the fixed order, so one stays.
 * - Avoidable atoms that hold in the original but not in the edit (the user removed them) become
 *   "avoid" requirements, unless applying the kept candidates to the original loses them too.
 */
export function editEvidence(
  pair: EditPair,
  task: Task,
  baseline: string = pair.original,
): AtomRequirement[] {
  const gained: AtomRequirement[] = [];
  const lost: AtomRequirement[] = [];
  for (const atom of styleAtoms) {
    const after = atom.detect(pair.edited, task);
    if (after && !atom.detect(baseline, task)) gained.push({ atom: atom.id, avoid: false });
    if (!after && atom.remove !== undefined && atom.detect(pair.original, task)) {
      lost.push({ atom: atom.id, avoid: true });
    }
  }
  let kept = [...gained];
  for (const candidate of [...gained].reverse()) {
    const others = kept.filter((other) => other.atom !== candidate.atom);
    if (getAtom(candidate.atom).detect(applyRequirements(baseline, task, others), task)) kept = others;
  }
  if (lost.length === 0) return kept;
  const afterGains = applyRequirements(pair.original, task, kept);
  return [...kept, ...lost.filter((requirement) => getAtom(requirement.atom).detect(afterGains, task))];
}

/**
 * Requirements shown by more than half of the pairs (all of them for one pair), in first-seen order.
 * `baselineOf` gives each pair's baseline (see `editEvidence`).
 */
export function majorityEvidence(
  pairs: readonly EditPair[],
  task: Task,
  baselineOf: (pair: EditPair) => string = (pair) => pair.original,
): AtomRequirement[] {
  const counts = new Map<string, { requirement: AtomRequirement; count: number }>();
  for (const pair of pairs) {
    for (const requirement of editEvidence(pair, task, baselineOf(pair))) {
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

/**
 * Requirements an ICL writer imitates from examples: atoms that more than half of the revised texts
 * have and more than half of the originals lack; and avoidable atoms that more than half of the
 * originals have and more than half of the revised texts lack (to avoid).
 */
export function imitatedRequirements(examples: readonly EditPair[], task: Task): AtomRequirement[] {
  const half = examples.length / 2;
  const result: AtomRequirement[] = [];
  for (const atom of styleAtoms) {
    const revised = examples.filter((example) => atom.detect(example.edited, task)).length;
    const original = examples.filter((example) => atom.detect(example.original, task)).length;
    if (revised > half && examples.length - original > half) result.push({ atom: atom.id, avoid: false });
    else if (atom.remove !== undefined && original > half && examples.length - revised > half) {
      result.push({ atom: atom.id, avoid: true });
    }
  }
  return result;
}
