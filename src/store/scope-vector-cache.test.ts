import { describe, expect, it } from 'vitest';
import { encodeEmbedding } from './embedding-codec.js';
import type { LoadVectors } from './scope-vector-cache.js';
import { ScopeVectorCache } from './scope-vector-cache.js';

/** A fake table of one scope: rows `[sequence, vector]`, and a recording loader over it. */
function table(initial: [number, number[]][]) {
  const rows = [...initial];
  const loads: number[] = [];
  const load: LoadVectors = async (after, upTo) => {
    loads.push(after);
    return rows
      .filter(([sequence]) => sequence > after && sequence <= upTo)
      .map(([sequence, vector]) => [sequence, encodeEmbedding(vector)] as const);
  };
  const probe = () => ({
    count: rows.length,
    maxSequence: Math.max(0, ...rows.map(([sequence]) => sequence)),
  });
  return { rows, loads, load, probe };
}

describe('ScopeVectorCache', () => {
  it('reads a scope once, then only rows added since', async () => {
    const cache = new ScopeVectorCache();
    const scope = table([
      [1, [1, 0]],
      [2, [0, 1]],
    ]);
    expect((await cache.vectors('s', scope.probe(), scope.load)).sequences).toEqual([1, 2]);
    await cache.vectors('s', scope.probe(), scope.load);
    expect(scope.loads).toEqual([0]);
    scope.rows.push([5, [0.6, 0.8]]);
    const grown = await cache.vectors('s', scope.probe(), scope.load);
    expect(grown.sequences).toEqual([1, 2, 5]);
    expect(Array.from(grown.vectors[2]!)).toEqual([Math.fround(0.6), Math.fround(0.8)]);
    expect(scope.loads).toEqual([0, 2]);
  });

  it('reads the scope again after a deletion, even when a row was also added', async () => {
    const cache = new ScopeVectorCache();
    const scope = table([
      [1, [1, 0]],
      [2, [0, 1]],
    ]);
    await cache.vectors('s', scope.probe(), scope.load);
    scope.rows.splice(0, 1);
    scope.rows.push([3, [1, 0]]);
    expect((await cache.vectors('s', scope.probe(), scope.load)).sequences).toEqual([2, 3]);
    scope.rows.splice(0, 1);
    expect((await cache.vectors('s', scope.probe(), scope.load)).sequences).toEqual([3]);
    expect(scope.loads).toEqual([0, 2, 0, 0]);
  });

  it('drops the least recently used scopes beyond its size', async () => {
    const cache = new ScopeVectorCache(20);
    const a = table([[1, [1, 0]]]);
    const b = table([[1, [1, 0]]]);
    const c = table([[1, [1, 0]]]);
    await cache.vectors('a', a.probe(), a.load);
    await cache.vectors('b', b.probe(), b.load);
    await cache.vectors('a', a.probe(), a.load);
    await cache.vectors('c', c.probe(), c.load);
    expect(cache.heldBytes).toBe(16);
    await cache.vectors('a', a.probe(), a.load);
    await cache.vectors('b', b.probe(), b.load);
    expect(a.loads).toEqual([0]);
    expect(b.loads).toEqual([0, 0]);
  });

  it('never appends the same rows twice under concurrent queries', async () => {
    const cache = new ScopeVectorCache();
    const scope = table([[1, [1, 0]]]);
    await cache.vectors('s', scope.probe(), scope.load);
    scope.rows.push([2, [0, 1]], [3, [1, 0]]);
    const results = await Promise.all([1, 2, 3, 4].map(() => cache.vectors('s', scope.probe(), scope.load)));
    for (const result of results) expect(result.sequences).toEqual([1, 2, 3]);
    expect(scope.loads).toEqual([0, 1]);
  });

  it('keeps reading only new rows when rows arrive between the probe and the read', async () => {
    const cache = new ScopeVectorCache();
    const scope = table([[1, [1, 0]]]);
    await cache.vectors('s', scope.probe(), scope.load);
    scope.rows.push([2, [0, 1]]);
    const probe = scope.probe();
    scope.rows.push([3, [1, 0]]);
    expect((await cache.vectors('s', probe, scope.load)).sequences).toEqual([1, 2]);
    expect((await cache.vectors('s', scope.probe(), scope.load)).sequences).toEqual([1, 2, 3]);
    expect(scope.loads).toEqual([0, 1, 2]);
  });
});
