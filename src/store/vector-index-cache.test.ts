import { describe, expect, it } from 'vitest';
import { VectorIndex } from './vector-index.js';
import { VectorIndexCache } from './vector-index-cache.js';

function indexOf(rows: number): VectorIndex {
  const index = new VectorIndex(4, { capacity: rows });
  for (let row = 1; row <= rows; row++) index.append(row, [row, 0, 0, 0]);
  return index;
}

describe('VectorIndexCache', () => {
  it('drops the least recently used indexes beyond the budget, never the one just used', () => {
    const one = indexOf(10);
    const cache = new VectorIndexCache(one.bytes * 2);
    cache.set('a', one);
    cache.set('b', indexOf(10));
    expect(cache.get('a')).toBe(one);
    cache.set('c', indexOf(10));
    expect([cache.peek('a'), cache.peek('b'), cache.peek('c')].map((held) => held !== undefined)).toEqual([
      true,
      false,
      true,
    ]);
    const huge = indexOf(100);
    cache.set('d', huge);
    expect(cache.size).toBe(1);
    expect(cache.get('d')).toBe(huge);
    expect(cache.heldBytes).toBe(huge.bytes);
  });

  it('counts bytes again after an index grows, and forgets by key', () => {
    const cache = new VectorIndexCache();
    const index = indexOf(1);
    cache.set('["t","u","email","pair"]', index);
    const before = cache.heldBytes;
    for (let row = 2; row <= 40; row++) index.append(row, [0, row, 0, 0]);
    cache.resized('["t","u","email","pair"]');
    expect(cache.heldBytes).toBe(index.bytes);
    expect(cache.heldBytes).toBeGreaterThan(before);
    cache.set('["t","v","email","pair"]', indexOf(1));
    cache.deleteWhere((key) => (JSON.parse(key) as string[])[1] === 'u');
    expect(cache.size).toBe(1);
    cache.delete('["t","v","email","pair"]');
    expect(cache.heldBytes).toBe(0);
  });
});
