/** One stored vector, identified by its insertion sequence. */
export interface ScoredCandidate {
  readonly sequence: number;
  readonly similarity: number;
}

/**
 * Exact k-nearest neighbours by dot product over one scope's vectors (DESIGN.md §3: no ANN index; a
 * user's history is small enough to scan). Keeps a sorted buffer of the best k while scanning, so it
 * runs in O(n·d + n·k) time and O(k) memory. Ties go to the smaller sequence (the earlier entry).
 *
 * @example
 * const best = exactNearest({ sequences, vectors }, query, 5); // [{ sequence, similarity }, ...] best first
 */
export function exactNearest(
  candidates: { readonly sequences: readonly number[]; readonly vectors: readonly Float32Array[] },
  query: Float32Array,
  k: number,
): ScoredCandidate[] {
  const best: ScoredCandidate[] = [];
  const { sequences, vectors } = candidates;
  for (let index = 0; index < vectors.length; index++) {
    const candidate = { sequence: sequences[index]!, vector: vectors[index]! };
    const similarity = dot(candidate.vector, query);
    if (best.length === k) {
      const worst = best[k - 1];
      if (worst !== undefined && !ranksBefore(similarity, candidate.sequence, worst)) continue;
      best.pop();
    }
    let position = best.length;
    while (position > 0) {
      const previous = best[position - 1];
      if (previous === undefined || !ranksBefore(similarity, candidate.sequence, previous)) break;
      position--;
    }
    best.splice(position, 0, { sequence: candidate.sequence, similarity });
  }
  return best;
}

function ranksBefore(similarity: number, sequence: number, other: ScoredCandidate): boolean {
  return similarity > other.similarity || (similarity === other.similarity && sequence < other.sequence);
}

/** Dot product of two vectors of the same length. */
export function dot(left: Float32Array, right: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < left.length; index++) {
    sum += left[index]! * right[index]!;
  }
  return sum;
}
