import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { styleAtoms } from './atoms/atom-registry.js';
import type { AtomRequirement } from './atoms/atom-requirement.js';
import { requirementKey, resolveConflicts, sortRequirements } from './atoms/atom-requirement.js';
import {
  atomsForPreferenceText,
  knownPhrases,
  noPreferencePhrase,
  preferenceTextFor,
} from './preference-text.js';

const keys = (requirements: readonly AtomRequirement[]) => requirements.map(requirementKey);

// NOTE: a fixed fast-check seed keeps CI deterministic; change it locally to explore other cases.
describe('atomsForPreferenceText', () => {
  it.each([
    {
      rule: 'reads the components of a preference, longest phrases first',
      text: 'professional greeting and closing, straight to the points, short sentences',
      expected: ['professional-greeting', 'professional-closing', 'straight-to-the-point', 'short-sentences'],
    },
    {
      rule: 'reads negations as avoided atoms, and "no closing" as its own atom',
      text: "avoid bullet points; no emojis, don't use hashtags, no closing, without semicolons",
      expected: [
        'avoid:bullet-points',
        'avoid:with-emojis',
        'avoid:hashtags',
        'no-closing',
        'avoid:semicolons',
      ],
    },
    {
      rule: 'treats punctuation-bearing phrases (TL;DR, P.S., Q&A, &) as phrases, not separators',
      text: "TL;DR line at the top, a P.S. line, Q&A, ampersands instead of 'and'",
      expected: ['tl-dr', 'ps-line', 'qa-format', 'ampersands'],
    },
  ])('$rule', ({ text, expected }) => {
    const parsed = atomsForPreferenceText(text);
    expect(keys(parsed.requirements)).toEqual(expected);
    expect(parsed.unknown).toEqual([]);
  });

  it('reports unknown words and negations of atoms that cannot be avoided', () => {
    const parsed = atomsForPreferenceText('brief and witty, no show emotions, sarcastic');
    expect(keys(parsed.requirements)).toEqual(['brief']);
    expect(parsed.unknown).toEqual(['witty', 'sarcastic']);
    expect(parsed.unavoidable).toEqual(['no show emotions']);
  });

  it('knows the empty answer and lists known phrases', () => {
    expect(atomsForPreferenceText(noPreferencePhrase)).toEqual({
      requirements: [],
      unknown: [],
      unavoidable: [],
    });
    expect(knownPhrases).toContain('bullet points');
  });

  it('round-trips any conflict-free set of requirements through its text', () => {
    const requirement = fc.oneof(
      fc.constantFrom(...styleAtoms.map((atom) => ({ atom: atom.id, avoid: false }))),
      fc.constantFrom(
        ...styleAtoms
          .filter((atom) => atom.remove !== undefined)
          .map((atom) => ({ atom: atom.id, avoid: true })),
      ),
    );
    fc.assert(
      fc.property(fc.array(requirement, { maxLength: 8 }), (drawn) => {
        const requirements = resolveConflicts(drawn);
        const text = preferenceTextFor(requirements);
        const parsed = atomsForPreferenceText(text);
        expect(parsed.unknown).toEqual([]);
        expect(keys(sortRequirements(parsed.requirements))).toEqual(keys(sortRequirements(requirements)));
      }),
      { numRuns: 300, seed: 20240417 },
    );
  });
});
