import type { Memory, MemoryScope, Neighbour } from '../../spec/index.js';
import { dotProduct } from '../dot-product.js';

/**
 * The preferences CIPHER works from for one context: the K stored preferences nearest to the context
 * embedding (most similar first), followed by every preference of the scope that is pinned or was
 * written by the user (origin `user`) and is not already among them, by descending similarity (ties:
 * older first). In the paper's setting nothing is pinned or user-written, so this is exactly the K
 * nearest.
 */
export async function retrievePreferences(options: {
  readonly memory: Memory;
  readonly scope: MemoryScope;
  readonly embedding: readonly number[];
  readonly k: number;
}): Promise<Neighbour[]> {
  const { memory, scope, embedding, k } = options;
  const [nearest, pinned, written] = await Promise.all([
    memory.nearest({ scope, embedding, k, kind: 'preference' }),
    memory.list({ scope, kind: 'preference', pinned: true }),
    memory.list({ scope, kind: 'preference', origin: 'user' }),
  ]);
  const seen = new Set(nearest.map((neighbour) => neighbour.entry.id));
  const always: Neighbour[] = [];
  for (const entry of [...pinned, ...written].sort((left, right) => left.sequence - right.sequence)) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    always.push({ entry, similarity: dotProduct(entry.embedding, embedding) });
  }
  always.sort((left, right) => right.similarity - left.similarity);
  return [...nearest, ...always];
}
