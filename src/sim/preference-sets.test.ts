import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../spec/index.js';
import { requirementKey } from './atoms/atom-requirement.js';
import { parseLatentPreference } from './latent-preference.js';
import { getPreferenceSet, latentPreferenceLookup, preferenceSetNames } from './preference-sets.js';

describe('preference sets', () => {
  it('holds the paper nine preferences, worded as in the design brief, each fully mapped to atoms', () => {
    const prelude = getPreferenceSet('prelude');
    expect(Object.keys(prelude.preferences.summarization)).toEqual([
      'news',
      'forum',
      'encyclopedia',
      'paper-abstract',
      'movie-review',
    ]);
    expect(Object.keys(prelude.preferences.email)).toEqual([
      'paper-summary',
      'personal-problem',
      'paper-review',
      'paper-tweet',
    ]);
    expect(prelude.preferences.summarization.encyclopedia?.requirements.map(requirementKey)).toEqual([
      'bullet-points',
      'parallel-structure',
      'brief',
    ]);
    expect(prelude.preferences.email['paper-summary']?.requirements.map(requirementKey)).toEqual([
      'structured',
      'straight-to-the-point',
      'respectful',
      'professional-greeting',
      'professional-closing',
    ]);
    expect(prelude.preferences.summarization.news?.requirements.map(requirementKey)).toEqual([
      'simple-english',
      'child-audience',
      'storytelling',
      'short-sentences',
      'playful',
      'interactive',
      'positive',
    ]);
  });

  it('gives the hard set four components per source, one of them a negation', () => {
    const hard = getPreferenceSet('hard');
    for (const task of ['summarization', 'email'] as const) {
      for (const preference of Object.values(hard.preferences[task])) {
        expect(preference.text.split(',').length).toBe(4);
      }
    }
    expect(hard.preferences.summarization.news?.requirements.map(requirementKey)).toContain(
      'avoid:exclamation-marks',
    );
  });

  it('rejects an unknown set name, listing the names', () => {
    expect(() => getPreferenceSet('gpt4')).toThrow(InvalidInputError);
    expect(() => getPreferenceSet('gpt4')).toThrow(preferenceSetNames.join(', '));
  });

  it('looks up the preference of a context by source and names unknown sources', () => {
    const lookup = latentPreferenceLookup(getPreferenceSet('prelude'), { kind: 'email' });
    expect(lookup({ id: 'x', source: 'personal-problem', text: 'notes' }).text).toBe(
      'informal, conversational, no closing',
    );
    expect(() => lookup({ id: 'x', source: 'news', text: 'notes' })).toThrow(
      /paper-summary, personal-problem/,
    );
    expect(() =>
      latentPreferenceLookup(getPreferenceSet('prelude'), { kind: 'custom', name: 'post', instruction: 'x' }),
    ).toThrow(InvalidInputError);
  });

  it('parses latent preferences strictly: unknown phrases and conflicting atoms are errors naming them', () => {
    expect(() => parseLatentPreference('informal, sarcastic')).toThrow(
      /"sarcastic".*known phrases:.*bullet points/,
    );
    expect(() => parseLatentPreference('informal, professional tone')).toThrow(
      /"informal" and "professional-tone"/,
    );
    expect(() => parseLatentPreference('no closing, thankful closing')).toThrow(
      /"no-closing" and "thankful-closing"/,
    );
    expect(() => parseLatentPreference('emojis, no emojis')).toThrow(/"with-emojis" and "avoid:with-emojis"/);
    expect(() => parseLatentPreference('no show emotions')).toThrow(/cannot be avoided/);
  });
});
