import type { EditPair, Task } from '../../spec/index.js';
import { applyRequirements } from '../atoms/apply-requirements.js';
import { getAtom, styleAtoms } from '../atoms/atom-registry.js';
import type { AtomRequirement } from '../atoms/atom-requirement.js';
import { requirementKey } from '../atoms/atom-requirement.js';
import { isMarked } from '../atoms/unwanted-atoms.js';
import { BoundedCache } from '../text/bounded-cache.js';

/**
 * Evidence by task kind, original and edit: learners infer from the same pairs round after round (a
 * window of recent pairs) and learner after learner (the same draft and edit of a document).
 */
const evidenceOf = {
  summarization: new BoundedCache<string, BoundedCache<string, readonly AtomRequirement[]>>(8192),
  email: new BoundedCache<string, BoundedCache<string, readonly AtomRequirement[]>>(8192),
  custom: new BoundedCache<string, BoundedCache<string, readonly AtomRequirement[]>>(1024),
};

/**
 * What one (original, edited) pair shows, as atom requirements: a pure function of the draft the
 * user saw and the user's edit (nothing else, so the same pair always gives the same answer).
 * - Atoms that hold in the edit but not in the original: what the user added. Atoms another
 *   candidate explains are dropped: a candidate is incidental when applying the other candidates to
 *   the original already makes it hold (e.g. "clear" once sentences were split for "short
 *   sentences"). Candidates are examined from last to first in the fixed order, so one stays.
 * - Marked atoms (`isMarked`: emojis, bullet points, a P.S....) that the original had and the edit
 *   kept: the user saw them and left them in, as a writer reading the revision would note.
 * - Avoidable atoms that hold in the original but not in the edit (the user removed them) become
 *   "avoid" requirements, unless applying the kept candidates to the original loses them too.
 */
export function editEvidence(pair: EditPair, task: Task): AtomRequirement[] {
  const byEdit = evidenceOf[task.kind].getOrSet(pair.original, () => new BoundedCache(16));
  return [...byEdit.getOrSet(pair.edited, () => readEvidence(pair, task))];
}

function readEvidence(pair: EditPair, task: Task): AtomRequirement[] {
  const gained: AtomRequirement[] = [];
  const kept: AtomRequirement[] = [];
  const lost: AtomRequirement[] = [];
  for (const atom of styleAtoms) {
    const after = atom.detect(pair.edited, task);
    const before = atom.detect(pair.original, task);
    if (after && !before) gained.push({ atom: atom.id, avoid: false });
    if (after && before && isMarked(atom)) kept.push({ atom: atom.id, avoid: false });
    if (!after && before && atom.remove !== undefined) lost.push({ atom: atom.id, avoid: true });
  }
  let added = [...gained];
  for (const candidate of [...gained].reverse()) {
    const others = added.filter((other) => other.atom !== candidate.atom);
    if (getAtom(candidate.atom).detect(applyRequirements(pair.original, task, others), task)) added = others;
  }
  const shown = [...added, ...kept];
  if (lost.length === 0) return shown;
  const afterGains = applyRequirements(pair.original, task, added);
  return [...shown, ...lost.filter((requirement) => getAtom(requirement.atom).detect(afterGains, task))];
}

/**
 * Requirements that recur across the pairs: shown by at least two of them (by the only one, for one
 * pair), in first-seen order. Asked what several revisions show, a writer names what recurs among
 * them, not only what more than half share: five revisions for five different readers rarely agree
 * by majority, yet an LLM still answers with the features it saw more than once.
 */
export function recurringEvidence(pairs: readonly EditPair[], task: Task): AtomRequirement[] {
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
    .filter((entry) => entry.count >= Math.min(2, pairs.length))
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
