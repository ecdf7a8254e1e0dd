import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { InvalidInputError } from '../spec/index.js';

/** A seeded source of random numbers: the same seed gives the same sequence, on every platform. */
export interface Random {
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** A float in [0, 1). */
  float(): number;
  /** A shuffled copy of `items` (Fisher–Yates); `items` is not changed. */
  shuffle<Item>(items: readonly Item[]): Item[];
}

/** The largest seed accepted: seeds are 32-bit unsigned integers. */
export const maxSeed = 0xffffffff;

/**
 * A `Random` on pure-rand's xoroshiro128+ generator. Throws InvalidInputError (field `seed`) unless
 * the seed is an integer in [0, 2^32 − 1].
 *
 * @example
 * const random = createRandom(0);
 * const order = random.shuffle(['a', 'b', 'c']);
 */
export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed) || seed < 0 || seed > maxSeed) {
    throw new InvalidInputError({ field: 'seed', value: seed, accepted: `an integer in [0, ${maxSeed}]` });
  }
  const generator = xoroshiro128plus(seed);
  const random: Random = {
    int: (min, max) => uniformInt(generator, min, max),
    float: () => uniformFloat64(generator),
    shuffle<Item>(items: readonly Item[]): Item[] {
      const shuffled = [...items];
      for (let index = shuffled.length - 1; index > 0; index--) {
        const other = random.int(0, index);
        const item = shuffled[index] as Item;
        shuffled[index] = shuffled[other] as Item;
        shuffled[other] = item;
      }
      return shuffled;
    },
  };
  return random;
}
