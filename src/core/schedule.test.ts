import { describe, expect, it } from 'vitest';
import type { Context } from '../spec/index.js';
import { InvalidInputError } from '../spec/index.js';
import { buildSchedule } from './schedule.js';

function corpus(sizes: Record<string, number>): Context[] {
  return Object.entries(sizes).flatMap(([source, size]) =>
    Array.from({ length: size }, (_, index) => ({
      id: `${source}-${index}`,
      source,
      text: `${source} ${index}`,
    })),
  );
}

function countBySource(contexts: readonly Context[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const context of contexts) counts[context.source] = (counts[context.source] ?? 0) + 1;
  return counts;
}

describe('buildSchedule', () => {
  const paper = corpus({ news: 40, forum: 40, wiki: 40, arxiv: 40, imdb: 40 });

  it('takes rounds / S contexts of each source, each context at most once', () => {
    const schedule = buildSchedule({ contexts: paper, rounds: 200, seed: 0 });
    expect(schedule).toHaveLength(200);
    expect(countBySource(schedule)).toEqual({ news: 40, forum: 40, wiki: 40, arxiv: 40, imdb: 40 });
    expect(new Set(schedule.map((context) => context.id)).size).toBe(200);
  });

  it('is the same for a seed and different across seeds', () => {
    const ids = (seed: number) =>
      buildSchedule({ contexts: paper, rounds: 50, seed }).map((context) => context.id);
    expect(ids(1)).toEqual(ids(1));
    expect(ids(1)).not.toEqual(ids(2));
  });

  it('interleaves the sources rather than playing them one after another', () => {
    const schedule = buildSchedule({ contexts: paper, rounds: 200, seed: 0 });
    expect(new Set(schedule.slice(0, 20).map((context) => context.source)).size).toBeGreaterThan(2);
  });

  it('shuffles within a source: a short run does not always take its first documents', () => {
    const schedule = buildSchedule({ contexts: paper, rounds: 10, seed: 0 });
    const indexes = schedule.map((context) => Number(context.id.split('-')[1]));
    expect(Math.max(...indexes)).toBeGreaterThan(1);
  });

  it('gives the first sources one more when rounds is not a multiple of S', () => {
    const schedule = buildSchedule({ contexts: corpus({ b: 10, a: 10, c: 10 }), rounds: 8, seed: 4 });
    // Sources in order of first appearance: b, a, c.
    expect(countBySource(schedule)).toEqual({ b: 3, a: 3, c: 2 });
  });

  it('names rounds, the value and the maximum when a source has too few contexts', () => {
    const contexts = corpus({ big: 10, small: 3 });
    expect(buildSchedule({ contexts, rounds: 6, seed: 0 })).toHaveLength(6);
    const error = (() => {
      try {
        buildSchedule({ contexts, rounds: 8, seed: 0 });
      } catch (caught) {
        return caught;
      }
    })();
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect((error as InvalidInputError).field).toBe('rounds');
    expect((error as InvalidInputError).value).toBe(8);
    expect((error as InvalidInputError).message).toMatch(/from 1 to 7\b/);
  });

  it('allows one more round when the extra goes to the larger first source', () => {
    expect(buildSchedule({ contexts: corpus({ big: 10, small: 3 }), rounds: 7, seed: 0 })).toHaveLength(7);
  });

  it('rejects rounds below 1 and an empty corpus', () => {
    expect(() => buildSchedule({ contexts: paper, rounds: 0, seed: 0 })).toThrow(InvalidInputError);
    expect(() => buildSchedule({ contexts: [], rounds: 1, seed: 0 })).toThrow(/at least one context/);
  });
});
