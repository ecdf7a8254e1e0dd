import { describe, expect, it } from 'vitest';
import { regretRatio } from './regret-ratio.js';

describe('regretRatio', () => {
  it('places a cost between the oracle (0) and no-learning (1)', () => {
    expect(regretRatio({ cost: 32974, oracleCost: 6573, noLearningCost: 48269 })).toBeCloseTo(0.6332, 4);
    expect(regretRatio({ cost: 6573, oracleCost: 6573, noLearningCost: 48269 })).toBe(0);
    expect(regretRatio({ cost: 60000, oracleCost: 6000, noLearningCost: 42000 })).toBe(1.5);
  });

  it('is null when the oracle is not cheaper than no-learning', () => {
    expect(regretRatio({ cost: 5, oracleCost: 10, noLearningCost: 10 })).toBeNull();
    expect(regretRatio({ cost: 5, oracleCost: 12, noLearningCost: 10 })).toBeNull();
  });
});
