/**
 * Dot product of two vectors of the same dimension (the cosine similarity when both are
 * L2-normalised). Throws RangeError when the dimensions differ.
 */
export function dotProduct(left: readonly number[], right: readonly number[]): number {
  if (left.length !== right.length) {
    throw new RangeError(
      `dot product of vectors of different dimensions (${left.length} and ${right.length})`,
    );
  }
  let sum = 0;
  for (let index = 0; index < left.length; index++) {
    sum += (left[index] as number) * (right[index] as number);
  }
  return sum;
}
