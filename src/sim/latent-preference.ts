import { InvalidInputError } from '../spec/index.js';
import type { AtomRequirement } from './atoms/atom-requirement.js';
import { validateRequirements } from './atoms/atom-requirement.js';
import { atomsForPreferenceText, knownPhrases } from './preference-text.js';

/** A simulated user's latent preference: the text it is stated in, and the atoms it means. */
export interface LatentPreference {
  readonly text: string;
  readonly requirements: readonly AtomRequirement[];
}

/**
 * Read a latent preference strictly: every word must belong to a known phrase, every negated atom
 * must be avoidable and no two atoms may conflict. Throws InvalidInputError naming the unknown
 * phrase (listing the known phrases) or both conflicting atoms. Used by the simulated user and by
 * preference map loaders.
 *
 * @example
 * parseLatentPreference('bullet points, parallel structure, brief').requirements.length; // 3
 */
export function parseLatentPreference(text: string, field = 'preference'): LatentPreference {
  const parsed = atomsForPreferenceText(text);
  const [unknown] = parsed.unknown;
  if (unknown !== undefined) {
    throw new InvalidInputError({
      field,
      value: unknown,
      accepted: `phrases made of: ${knownPhrases.join('; ')}`,
      message: `invalid ${field}: "${unknown}" (in "${text}") names no style atom of the offline world; known phrases: ${knownPhrases.join('; ')}`,
    });
  }
  const [unavoidable] = parsed.unavoidable;
  if (unavoidable !== undefined) {
    throw new InvalidInputError({
      field,
      value: unavoidable,
      message: `invalid ${field}: "${unavoidable}" (in "${text}") negates an atom that cannot be avoided`,
    });
  }
  if (parsed.requirements.length === 0) {
    throw new InvalidInputError({ field, value: text, accepted: 'at least one style atom phrase' });
  }
  validateRequirements(parsed.requirements, field);
  return { text, requirements: parsed.requirements };
}
