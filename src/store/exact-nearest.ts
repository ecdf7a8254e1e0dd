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
 * NOTE: when most of the query's components are zero (the lexical embedder's hashed bag of words fills
 * a few hundred of 4,096), only its non-zero components are visited, which gives the same products
 * many times faster; dense queries (model embeddings) use a 4-way unrolled loop.
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
  const similarityTo = similarityFunction(query);
  for (let index = 0; index < vectors.length; index++) {
    const sequence = sequences[index]!;
    const similarity = similarityTo(vectors[index]!);
    if (best.length === k) {
      const worst = best[k - 1];
      if (worst !== undefined && !ranksBefore(similarity, sequence, worst)) continue;
      best.pop();
    }
    let position = best.length;
    while (position > 0) {
      const previous = best[position - 1];
      if (previous === undefined || !ranksBefore(similarity, sequence, previous)) break;
      position--;
    }
    best.splice(position, 0, { sequence, similarity });
  }
  return best;
}

function ranksBefore(similarity: number, sequence: number, other: ScoredCandidate): boolean {
  return similarity > other.similarity || (similarity === other.similarity && sequence < other.sequence);
}

/** The dot product with `query`, specialised for a sparse or a dense query. */
function similarityFunction(query: Float32Array): (vector: Float32Array) => number {
  let nonZero = 0;
  for (let index = 0; index < query.length; index++) if (query[index] !== 0) nonZero++;
  if (nonZero * 4 > query.length) return (vector) => dot(vector, query);
  const positions = new Int32Array(nonZero);
  const values = new Float64Array(nonZero);
  let next = 0;
  for (let index = 0; index < query.length; index++) {
    if (query[index] !== 0) {
      positions[next] = index;
      values[next] = query[index]!;
      next++;
    }
  }
  return (vector) => {
    let sum = 0;
    for (let index = 0; index < positions.length; index++) sum += vector[positions[index]!]! * values[index]!;
    return sum;
  };
}

/** Dot product of two vectors of the same length (4-way unrolled). */
export function dot(left: Float32Array, right: Float32Array): number {
  let sum0 = 0;
  let sum1 = 0;
  let sum2 = 0;
  let sum3 = 0;
  const length = left.length;
  let index = 0;
  for (; index + 3 < length; index += 4) {
    sum0 += left[index]! * right[index]!;
    sum1 += left[index + 1]! * right[index + 1]!;
    sum2 += left[index + 2]! * right[index + 2]!;
    sum3 += left[index + 3]! * right[index + 3]!;
  }
  for (; index < length; index++) sum0 += left[index]! * right[index]!;
  return sum0 + sum1 + sum2 + sum3;
}
