/**
 * Our regret ratio, to compare learners across worlds: (C − C_oracle) / (C_no-learning − C_oracle).
 * 0 matches the oracle, 1 is no better than not learning, above 1 is worse. Null when the oracle is
 * not cheaper than no-learning (the ratio means nothing then).
 */
export function regretRatio(options: {
  readonly cost: number;
  readonly oracleCost: number;
  readonly noLearningCost: number;
}): number | null {
  const span = options.noLearningCost - options.oracleCost;
  if (!(span > 0)) return null;
  return (options.cost - options.oracleCost) / span;
}
