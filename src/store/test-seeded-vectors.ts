import { randomUUID } from 'node:crypto';
import type { MemoryScope } from '../spec/index.js';
import { encodeEmbedding } from './embedding-codec.js';
import type { SqlDatabase } from './sql-dialect.js';

/** A deterministic generator of numbers in [-0.5, 0.5) (a linear congruential one), for test vectors. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5;
}

/**
 * `count` random vectors of `dimension`; every 50th repeats the one before it, so the int8
 * pre-scan's bounds overlap and ties must fall to the older entry.
 */
export function seededVectors(count: number, dimension: number, random: () => number): number[][] {
  const vectors = Array.from({ length: count }, () => Array.from({ length: dimension }, random));
  for (let index = 1; index < vectors.length; index += 50) vectors[index] = [...vectors[index - 1]!];
  return vectors;
}

/**
 * One preference row per vector of `scope` (preferences `p0`, `p1`, …), inserted in bulk straight
 * into the table, as an import by another program would, not through a store.
 */
export async function insertPreferenceRows(
  database: SqlDatabase,
  scope: MemoryScope,
  vectors: readonly (readonly number[])[],
): Promise<void> {
  const now = new Date().toISOString();
  for (let start = 0; start < vectors.length; start += 500) {
    await database.queries
      .insertInto('memory_entries')
      .values(
        vectors.slice(start, start + 500).map((vector, offset) => ({
          id: randomUUID(),
          tenant: scope.tenant,
          user_id: scope.user,
          task: scope.task,
          kind: 'preference',
          embedding: encodeEmbedding(vector),
          dimension: vector.length,
          context_id: null,
          context_text: null,
          preference: `p${start + offset}`,
          pair_original: null,
          pair_edited: null,
          origin: 'inferred',
          interaction_id: null,
          pinned: 0,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }
}

/**
 * The preferences (`p<index>`) of the k best of `vectors` for `query` by a plain float32 scan, ties
 * to the older entry, leaving out the preferences in `gone`.
 */
export function fullScan(
  vectors: readonly (readonly number[])[],
  query: readonly number[],
  k: number,
  gone: ReadonlySet<string> = new Set(),
): string[] {
  return vectors
    .map((vector, index) => ({
      name: `p${index}`,
      index,
      score: Array.from(Float32Array.from(vector)).reduce(
        (sum, value, position) => sum + value * Math.fround(query[position]!),
        0,
      ),
    }))
    .filter(({ name }) => !gone.has(name))
    .sort((left, right) => right.score - left.score || left.index - right.index)
    .slice(0, k)
    .map(({ name }) => name);
}
