import type { Learner } from '../core/index.js';
import { parseLearnerName } from '../core/index.js';

/** How many neighbours CIPHER retrieves for the proxy: the learner's K, or 5 for other learners. */
export function retrievalK(learner: Learner): number {
  try {
    const spec = parseLearnerName(learner.name);
    return spec.kind === 'cipher' ? spec.k : 5;
  } catch {
    return 5;
  }
}
