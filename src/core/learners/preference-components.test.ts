import { describe, expect, it } from 'vitest';
import { componentTopic, mergeComponents, splitComponents } from './preference-components.js';

describe('preference components', () => {
  it.each([
    {
      preference: 'bullet points, brief; no emojis\nTL;DR line at the top, Brief.',
      components: ['bullet points', 'brief', 'no emojis', 'TL;DR line at the top'],
    },
    { preference: 'no clear preference', components: [] },
    { preference: null, components: [] },
  ])('splits $preference into its phrases, keeping "TL;DR" whole and dropping empty answers', (row) => {
    expect(splitComponents(row.preference)).toEqual(row.components);
  });

  it('lets a later component of the opposite sign replace an earlier one on the same topic', () => {
    expect(componentTopic('with emojis')).toBe(componentTopic('no emojis'));
    expect(mergeComponents(['with emojis', 'brief'], ['no emojis', 'bullet points', 'brief'])).toEqual([
      'no emojis',
      'brief',
      'bullet points',
    ]);
  });
});
