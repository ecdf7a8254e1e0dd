import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../spec/index.js';
import { createRandom } from './random.js';

describe('createRandom', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 20 }, () => random.int(0, 1000));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('draws integers within bounds and floats in [0, 1)', () => {
    const random = createRandom(1);
    const values = Array.from({ length: 2000 }, () => random.int(-2, 3));
    expect(new Set(values)).toEqual(new Set([-2, -1, 0, 1, 2, 3]));
    const floats = Array.from({ length: 2000 }, () => random.float());
    expect(floats.every((value) => value >= 0 && value < 1)).toBe(true);
  });

  it('shuffles into a permutation without touching the input', () => {
    const items = Array.from({ length: 50 }, (_, index) => index);
    const shuffled = createRandom(3).shuffle(items);
    expect(items).toEqual(Array.from({ length: 50 }, (_, index) => index));
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    expect(createRandom(3).shuffle(items)).toEqual(shuffled);
  });

  it('puts every item first about equally often', () => {
    const counts = [0, 0, 0, 0];
    const random = createRandom(11);
    for (let trial = 0; trial < 4000; trial++) counts[random.shuffle([0, 1, 2, 3])[0] as number]! += 1;
    for (const count of counts) expect(count).toBeGreaterThan(850);
  });

  it.each([-1, 1.5, 2 ** 32, Number.NaN])('rejects the seed %s', (seed) => {
    expect(() => createRandom(seed)).toThrow(InvalidInputError);
  });
});
