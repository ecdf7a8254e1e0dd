import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeEmbedding } from './embedding-codec.js';
import { exactDot, VectorIndex } from './vector-index.js';

/** The reference: every row scored in component order, sorted by score then sequence, k kept. */
function fullScan(
  rows: readonly (readonly number[])[],
  sequences: readonly number[],
  query: readonly number[],
  k: number,
) {
  return rows
    .map((row, index) => ({
      sequence: sequences[index]!,
      similarity: row.reduce((sum, value, position) => sum + value * query[position]!, 0),
    }))
    .sort((left, right) => right.similarity - left.similarity || left.sequence - right.sequence)
    .slice(0, k);
}

/** A seeded uniform generator in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function gaussianUnit(random: () => number, dimension: number): number[] {
  const values = Array.from(
    { length: dimension },
    () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()),
  );
  const norm = Math.hypot(...values);
  return values.map((value) => value / norm);
}

/** Up to 40 rows and a query of 1 to 9 dimensions (with zeros and ties), and k from 1 to 8. */
const value = fc.oneof(fc.constant(0), fc.constant(0.5), fc.double({ min: -1, max: 1, noNaN: true }));
const rowsQueryAndK = fc
  .integer({ min: 1, max: 9 })
  .chain((dimension) =>
    fc.tuple(
      fc.array(fc.array(value, { minLength: dimension, maxLength: dimension }), { maxLength: 40 }),
      fc.array(value, { minLength: dimension, maxLength: dimension }),
      fc.integer({ min: 1, max: 8 }),
    ),
  );

describe('VectorIndex', () => {
  it('matches a full scan on every path (exact, sparse, int8 pre-scan), with ties', () => {
    fc.assert(
      fc.property(rowsQueryAndK, ([rows, query, k]) => {
        const index = new VectorIndex(query.length, { precision: 'float64' });
        const inJs = new VectorIndex(query.length, { precision: 'float64', simd: false });
        const sequences = rows.map((_, row) => row * 3 + 1);
        rows.forEach((row, position) => index.append(sequences[position]!, row));
        rows.forEach((row, position) => inJs.append(sequences[position]!, row));
        const expected = fullScan(rows, sequences, query, k);
        expect(index.search(query, k)).toEqual(expected);
        expect(index.search(query, k, 'exact')).toEqual(expected);
        expect(index.search(query, k, 'prescan')).toEqual(expected);
        expect(inJs.search(query, k, 'prescan')).toEqual(expected);
      }),
    );
  });

  it('matches a full scan for sparse queries over sparse rows, through appends and removals (property)', () => {
    const sparse = (dimension: number) =>
      fc
        .array(
          fc.tuple(
            fc.nat(dimension - 1),
            fc.oneof(fc.constant(0.5), fc.double({ min: -1, max: 1, noNaN: true })),
          ),
          { maxLength: 6 },
        )
        .map((entries) => {
          const vector = new Array<number>(dimension).fill(0);
          for (const [position, entry] of entries) vector[position] = entry;
          return vector;
        });
    const dimension = 48;
    fc.assert(
      fc.property(
        fc.array(sparse(dimension), { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(sparse(dimension), fc.nat(29), sparse(dimension)), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 6 }),
        (rows, steps, k) => {
          const index = new VectorIndex(dimension, { precision: 'float64' });
          const held = rows.map((row, position) => ({ sequence: position + 1, row }));
          for (const { sequence, row } of held) index.append(sequence, row);
          let next = held.length + 1;
          for (const [query, removed, added] of steps) {
            const expected = () =>
              fullScan(
                held.map(({ row }) => row),
                held.map(({ sequence }) => sequence),
                query,
                k,
              );
            expect(index.search(query, k)).toEqual(expected());
            const gone = held[removed % held.length];
            if (gone !== undefined && held.length > 1) {
              index.remove(gone.sequence);
              held.splice(held.indexOf(gone), 1);
            }
            index.append(next, added);
            held.push({ sequence: next++, row: added });
            expect(index.search(query, k)).toEqual(expected());
          }
        },
      ),
    );
  });

  it('returns the same top k from the int8 pre-scan as from an exact scan on random data', () => {
    const random = seeded(42);
    for (const [dimension, simd] of [
      [32, true],
      [100, true],
      [256, true],
      [100, false],
    ] as const) {
      const index = new VectorIndex(dimension, { prescanFrom: 1, simd });
      const rows: number[][] = [];
      for (let row = 0; row < 3_000; row++) {
        // NOTE: clusters (a shared direction plus noise) make many near-ties for the pre-scan to sort out.
        const base = gaussianUnit(random, dimension);
        const vector =
          row % 3 === 0 && rows.length > 0 ? rows[rows.length - 1]!.map((v, i) => v + 0.01 * base[i]!) : base;
        rows.push(Array.from(Float32Array.from(vector)));
        index.append(row + 1, vector);
      }
      const sequences = rows.map((_, row) => row + 1);
      for (let query = 0; query < 20; query++) {
        const vector = query % 2 === 0 ? gaussianUnit(random, dimension) : rows[query * 97]!;
        const rounded = Array.from(Float32Array.from(vector));
        const reference = fullScan(rows, sequences, rounded, 50);
        for (const k of [1, 10, 50]) {
          const prescanned = index.search(vector, k, 'prescan');
          expect(prescanned).toEqual(index.search(vector, k, 'exact'));
          expect(prescanned).toEqual(reference.slice(0, k));
        }
      }
    }
  });

  it('names candidates holding the exact top k when it keeps only the int8 copy (the SQL stores)', () => {
    fc.assert(
      fc.property(rowsQueryAndK, fc.boolean(), ([rows, query, k], simd) => {
        const codesOnly = new VectorIndex(query.length, { values: 'below-prescan', prescanFrom: 1, simd });
        const exact = new VectorIndex(query.length);
        rows.forEach((row, position) => codesOnly.appendBytes(position * 2 + 1, encodeEmbedding(row)));
        rows.forEach((row, position) => exact.append(position * 2 + 1, row));
        expect(codesOnly.holdsValues).toBe(false);
        expect(() => codesOnly.search(query, k)).toThrow();
        const rounded = rows.map((row) => Float32Array.from(row));
        const exactQuery = codesOnly.exactQuery(query);
        const rescored = codesOnly
          .candidates(query, k)
          .map((sequence) => ({
            sequence,
            similarity: exactDot(rounded[(sequence - 1) / 2]!, 0, exactQuery),
          }))
          .sort((left, right) => right.similarity - left.similarity || left.sequence - right.sequence)
          .slice(0, k);
        expect(rescored).toEqual(exact.search(query, k, 'exact'));
      }),
    );
  });

  it('stays exact when squares underflow or components are huge (bounds computed without losing them)', () => {
    const cases: [number[][], number[]][] = [
      // NOTE: found by the property test: the query's squared norm underflowed to 0, so the bound did too.
      [
        [
          [0, 0, -2.0289122769388597e-146],
          [0, 0.5, 0],
        ],
        [0, 2.05601e-317, -5.066777032609313e-172],
      ],
      [
        [
          [1e-300, 0, 0],
          [0, 1e-310, 0],
          [3e-320, 0, 1e-300],
        ],
        [1e-10, 1e10, 1e-20],
      ],
      [
        [
          [1e200, -1e200, 0],
          [1e-200, 1e200, 5],
        ],
        [1e100, 1e100, 1e-100],
      ],
    ];
    for (const [rows, query] of cases) {
      for (const simd of [true, false]) {
        const index = new VectorIndex(query.length, { precision: 'float64', simd });
        rows.forEach((row, position) => index.append(position + 1, row));
        const sequences = rows.map((_, position) => position + 1);
        for (const k of [1, 2]) {
          expect(index.search(query, k, 'prescan')).toEqual(fullScan(rows, sequences, query, k));
        }
      }
    }
  });

  it('holds float32 rows contiguously, growing, removing and reading stored bytes', () => {
    const index = new VectorIndex(2, { capacity: 1 });
    index.appendBytes(1, encodeEmbedding([1, 0]));
    index.appendBytes(4, new Uint8Array([0, ...encodeEmbedding([0.6, 0.8])]).subarray(1));
    index.append(9, [0, 1]);
    expect(index.size).toBe(3);
    expect(index.maxSequence).toBe(9);
    expect(index.search([1, 0], 3).map((found) => found.sequence)).toEqual([1, 4, 9]);
    expect(index.remove(4)).toBe(true);
    expect(index.remove(4)).toBe(false);
    expect(index.has(9)).toBe(true);
    expect(index.search([1, 0], 3)).toEqual([
      { sequence: 1, similarity: 1 },
      { sequence: 9, similarity: 0 },
    ]);
    expect(() => index.append(5, [1, 0])).toThrow(RangeError);
    expect(() => index.append(10, [1, 0, 0])).toThrow(RangeError);
    expect(() => index.search([1], 1)).toThrow(RangeError);
  });

  it('scores with float32-rounded values in float32 precision, and exact numbers in float64', () => {
    const single = new VectorIndex(1);
    const double = new VectorIndex(1, { precision: 'float64' });
    single.append(1, [0.1]);
    double.append(1, [0.1]);
    expect(single.search([0.3], 1)[0]?.similarity).toBe(Math.fround(0.1) * Math.fround(0.3));
    expect(double.search([0.3], 1)[0]?.similarity).toBe(0.1 * 0.3);
  });
});
