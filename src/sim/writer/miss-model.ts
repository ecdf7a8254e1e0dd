/** FNV-1a 32-bit hash of a string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A uniform number in [0, 1) drawn from a key by hashing (the same key, the same number). */
function uniformOf(key: string): number {
  const mixed = fnv1a(key);
  const spread = Math.imul(mixed ^ (mixed >>> 16), 0x45d9f3b) >>> 0;
  return ((spread ^ (spread >>> 16)) >>> 0) / 2 ** 32;
}

/**
 * How hard a requirement is for a writer, relative to an ordinary one (1). Shaped after what LLM
 * writers are known to drop: surface marks and envelope lines are easy (an emoji, a sign-off),
 * whole-text rewrites and subtle devices are hard (parallel structure across lines, British spelling
 * everywhere, foreshadowing, keeping every sentence short).
 */
export const atomDifficulty: Readonly<Record<string, number>> = {
  'with-emojis': 0.5,
  hashtags: 0.5,
  'tl-dr': 0.5,
  'ps-line': 0.5,
  'no-greeting': 0.5,
  'professional-greeting': 0.5,
  'casual-greeting': 0.5,
  'no-closing': 0.5,
  'professional-closing': 0.5,
  'thankful-closing': 0.5,
  'casual-closing': 0.5,
  'bullet-points': 0.75,
  'numbered-list': 0.75,
  'bold-key-terms': 0.75,
  'parallel-structure': 1.75,
  'british-spelling': 1.75,
  foreshadowing: 1.5,
  'short-sentences': 1.5,
  'simple-english': 1.5,
  'caps-emphasis': 1.5,
  immersive: 1.5,
  'qa-format': 1.25,
  'straight-to-the-point': 1.25,
};

/** Parameters of the offline writer's imperfection (DESIGN.md §4), reported with bench results. */
export interface MissModel {
  /** Probability of missing a requirement of difficulty 1 asked alone. */
  readonly rate: number;
  /** Relative increase of that probability per additional requirement asked at once. */
  readonly load: number;
  /** Ceiling of any one probability. */
  readonly ceiling: number;
}

/** The defaults: a lone ordinary requirement is missed 6% of the time, five at once 9.6% each. */
export const defaultMissModel: MissModel = Object.freeze({ rate: 0.06, load: 0.15, ceiling: 0.5 });

/**
 * The probability that the writer misses one requirement when `asked` requirements are asked at once:
 * `min(ceiling, rate × difficulty × (1 + load × (asked − 1)))`, difficulty from `atomDifficulty`
 * (1 when not listed; an avoided atom, "no emojis", counts as easy).
 */
export function missProbability(
  model: MissModel,
  requirement: { readonly atom: string; readonly avoid: boolean },
  asked: number,
): number {
  const difficulty = requirement.avoid ? 0.5 : (atomDifficulty[requirement.atom] ?? 1);
  return Math.min(model.ceiling, model.rate * difficulty * (1 + model.load * Math.max(0, asked - 1)));
}

/**
 * The offline writer's imperfection: whether it fails to apply one requirement to one context.
 * Deterministic in (seed, context id, requirement key): the same seed gives the same draws in every
 * run and for every learner, so learners are compared on equal terms; a different seed moves them.
 * Because one draw is compared with a probability that grows with the load, asking for more at once
 * only ever adds misses.
 */
export function isMissed(options: {
  readonly seed: number;
  readonly contextId: string;
  readonly requirement: string;
  readonly probability: number;
}): boolean {
  if (options.probability <= 0) return false;
  return (
    uniformOf(`${options.seed}\u0000${options.contextId}\u0000${options.requirement}`) < options.probability
  );
}

/** The miss model in words, for reports: the formula with its parameters and the difficulty range. */
export function describeMissModel(model: MissModel = defaultMissModel): string {
  const values = Object.values(atomDifficulty);
  const low = Math.min(...values);
  const high = Math.max(...values);
  return (
    `the offline writer misses a requirement with probability min(${model.ceiling}, ${model.rate} × difficulty × ` +
    `(1 + ${model.load} × (requirements asked − 1))), difficulty from ${low} (emojis, sign-offs) to ${high} ` +
    `(parallel structure, British spelling), 1 otherwise; seeded per (seed, context, requirement)`
  );
}
