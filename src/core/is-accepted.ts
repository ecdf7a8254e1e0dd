import type { EditPair } from '../spec/index.js';

/** True when the user took the output as it was: an edit identical to the output is an acceptance. */
export function isAccepted(pair: EditPair): boolean {
  return pair.edited === pair.original;
}
