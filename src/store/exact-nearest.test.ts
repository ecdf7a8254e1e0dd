import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dot, exactNearest } from './exact-nearest.js';

/** The reference: score everything, sort by similarity then sequence, keep k. */
function reference(vectors: Float32Array[], query: Float32Array, k: number) {
  return vectors
    .map((vector, index) => ({
      sequence: index + 1,
      similarity: Array.from(vector).reduce((sum, value, position) => sum + value * query[position]!, 0),
    }))
    .sort((left, right) => right.similarity - left.similarity || left.sequence - right.sequence)
    .slice(0, k);
}

describe('exactNearest', () => {
  it('matches a full sort for dense and sparse queries', () => {
    const vector = (dimensions: number) =>
      fc.array(fc.oneof(fc.constant(0), fc.float({ min: -1, max: 1, noNaN: true })), {
        minLength: dimensions,
        maxLength: dimensions,
      });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 12 })
          .chain((dimensions) =>
            fc.tuple(
              fc.array(vector(dimensions), { maxLength: 30 }),
              vector(dimensions),
              fc.integer({ min: 1, max: 8 }),
            ),
          ),
        ([rows, query, k]) => {
          const vectors = rows.map((row) => Float32Array.from(row));
          const queryVector = Float32Array.from(query);
          const found = exactNearest(
            { sequences: vectors.map((_vector, index) => index + 1), vectors },
            queryVector,
            k,
          );
          const expected = reference(vectors, queryVector, k);
          expect(found.map((candidate) => candidate.similarity)).toEqual(
            expected.map((candidate) => expect.closeTo(candidate.similarity, 5)),
          );
          expect(found).toHaveLength(expected.length);
        },
      ),
    );
  });

  it('gives ties to the earlier sequence', () => {
    const same = Float32Array.from([0.6, 0.8]);
    const found = exactNearest({ sequences: [7, 3, 5], vectors: [same, same, same] }, same, 2);
    expect(found.map((candidate) => candidate.sequence)).toEqual([3, 5]);
  });

  it('computes dot products of any length', () => {
    for (const length of [1, 3, 4, 5, 9]) {
      const left = Float32Array.from({ length }, (_value, index) => index + 1);
      const right = Float32Array.from({ length }, () => 2);
      expect(dot(left, right)).toBe(length * (length + 1));
    }
  });
});
