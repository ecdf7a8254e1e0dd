import type { Context, Embedder, FollowUpClassifier, Memory, Writer } from '../spec/index.js';
import { InvalidInputError } from '../spec/index.js';
import type { Learner } from './learner.js';
import { createCipherLearner } from './learners/cipher.js';
import { createContinualLearner } from './learners/continual.js';
import { createExploreExploitLearner } from './learners/explore-exploit.js';
import { createFixedLearner } from './learners/fixed.js';
import { createFollowUpLearner } from './learners/follow-ups.js';
import type { RefineVerifyPart } from './learners/refine-verify.js';
import { createRefineVerifyLearner, refineVerifyParts } from './learners/refine-verify.js';
import { createIclEditLearner } from './learners/icl-edit.js';
import { createNoLearningLearner } from './learners/no-learning.js';
import { createOracleLearner } from './learners/oracle.js';

/** A learner name, parsed. */
export type LearnerSpec =
  | { readonly kind: 'no-learning' }
  | { readonly kind: 'oracle' }
  | { readonly kind: 'fixed' }
  | { readonly kind: 'explore-exploit'; readonly n: number }
  | { readonly kind: 'continual'; readonly k: number }
  | { readonly kind: 'icl-edit'; readonly k: number }
  | { readonly kind: 'cipher'; readonly k: number }
  | { readonly kind: 'follow-ups'; readonly k: number }
  | { readonly kind: 'refine-verify'; readonly k: number; readonly without: readonly RefineVerifyPart[] };

/**
 * What every learner may need; `preferenceOf` only the oracle (a simulation's true preference),
 * `fixedPreference` only `fixed`.
 */
export interface LearnerDependencies {
  readonly writer: Writer;
  readonly embedder: Embedder;
  readonly memory: Memory;
  readonly preferenceOf?: (context: Context) => string;
  /** The one preference text of the `fixed` learner. */
  readonly fixedPreference?: string;
  /** Reads chat follow-ups, for `follow-ups-K`. */
  readonly followUps?: FollowUpClassifier;
}

/** The accepted learner names, as shown in error messages and help texts. */
export const acceptedLearnerNames =
  'no-learning, oracle, fixed, explore-exploit-N, continual-K, icl-edit-K, cipher-1, cipher-K, refine-verify-K, follow-ups-K ' +
  '(N and K integers >= 1; refine-verify-K-without-refine, -without-verify, -without-recency for ablations)';

/**
 * The bench's learners: ours (`refine-verify-5`), the paper's with its settings (K = N = 5) in the
 * order of its tables, and `fixed` (one global style prompt, what teams use today) before the two
 * references.
 */
export const defaultLearnerNames: readonly string[] = Object.freeze([
  'refine-verify-5',
  'cipher-5',
  'cipher-1',
  'icl-edit-5',
  'continual-5',
  'explore-exploit-5',
  'fixed',
  'no-learning',
  'oracle',
]);

const parameterised =
  /^(explore-exploit|continual|icl-edit|cipher|refine-verify|follow-ups)-([1-9][0-9]*)((?:-without-[a-z]+)*)$/;

/**
 * Parse a learner name (`cipher-5`, `no-learning`, ...). Throws InvalidInputError (field `learner`)
 * listing the accepted forms for anything else, including K <= 0 and leading zeros.
 *
 * @example
 * parseLearnerName('icl-edit-3'); // { kind: 'icl-edit', k: 3 }
 */
export function parseLearnerName(name: string): LearnerSpec {
  if (name === 'no-learning' || name === 'oracle' || name === 'fixed') return { kind: name };
  const match = parameterised.exec(name);
  const value = match?.[2] === undefined ? Number.NaN : Number(match[2]);
  if (match === null || !Number.isSafeInteger(value)) {
    throw new InvalidInputError({ field: 'learner', value: name, accepted: acceptedLearnerNames });
  }
  const without = (match[3] ?? '').split('-without-').filter((part) => part !== '');
  const unknownPart = without.find((part) => !(refineVerifyParts as readonly string[]).includes(part));
  if (without.length > 0 && (match[1] !== 'refine-verify' || unknownPart !== undefined)) {
    throw new InvalidInputError({ field: 'learner', value: name, accepted: acceptedLearnerNames });
  }
  switch (match[1]) {
    case 'refine-verify':
      return { kind: 'refine-verify', k: value, without: without as RefineVerifyPart[] };
    case 'explore-exploit':
      return { kind: 'explore-exploit', n: value };
    case 'continual':
      return { kind: 'continual', k: value };
    case 'icl-edit':
      return { kind: 'icl-edit', k: value };
    case 'follow-ups':
      return { kind: 'follow-ups', k: value };
    default:
      return { kind: 'cipher', k: value };
  }
}

/** A dependency only some learners take: `value`, or an InvalidInputError saying learner `name` needs it. */
function required<T>(
  value: T | undefined,
  name: string,
  field: string,
  needs: { readonly accepted: string; readonly what: string },
): T {
  if (value !== undefined) return value;
  throw new InvalidInputError({
    field,
    value: undefined,
    accepted: needs.accepted,
    message: `invalid learner "${name}": it needs ${field}, ${needs.what}`,
  });
}

/**
 * Build a learner from its name. Throws InvalidInputError for an unknown name, and for `oracle`
 * without `preferenceOf` (only a simulation knows the true preference).
 *
 * @example
 * const learner = createLearner('cipher-5', { writer, embedder, memory });
 */
export function createLearner(name: string, dependencies: LearnerDependencies): Learner {
  const spec = parseLearnerName(name);
  const { writer, embedder, memory } = dependencies;
  switch (spec.kind) {
    case 'no-learning':
      return createNoLearningLearner({ writer });
    case 'oracle': {
      if (dependencies.preferenceOf === undefined) {
        throw new InvalidInputError({
          field: 'learner',
          value: name,
          accepted: acceptedLearnerNames,
          message:
            'invalid learner "oracle": it needs preferenceOf (the true preference of each context), which ' +
            `only a simulation has; accepted: ${acceptedLearnerNames}`,
        });
      }
      return createOracleLearner({ writer, preferenceOf: dependencies.preferenceOf });
    }
    case 'fixed': {
      const preference = required(dependencies.fixedPreference, name, 'fixedPreference', {
        accepted: 'a preference text for every draft',
        what: 'the one preference text it writes every draft with',
      });
      return createFixedLearner({ writer, preference });
    }
    case 'explore-exploit':
      return createExploreExploitLearner({ writer, embedder, memory, n: spec.n });
    case 'continual':
      return createContinualLearner({ writer, embedder, memory, k: spec.k });
    case 'icl-edit':
      return createIclEditLearner({ writer, embedder, memory, k: spec.k });
    case 'cipher':
      return createCipherLearner({ writer, embedder, memory, k: spec.k });
    case 'refine-verify':
      return createRefineVerifyLearner({ writer, embedder, memory, k: spec.k, without: spec.without });
    case 'follow-ups': {
      const classifier = required(dependencies.followUps, name, 'followUps', {
        accepted: 'a follow-up classifier',
        what: 'a classifier of chat follow-ups',
      });
      return createFollowUpLearner({
        writer,
        embedder,
        memory,
        classifier,
        k: spec.k,
      });
    }
  }
}
