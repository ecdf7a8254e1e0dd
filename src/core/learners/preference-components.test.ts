import { describe, expect, it } from 'vitest';
import { componentTopic, mergeComponents, splitComponents } from './preference-components.js';

describe('preference components', () => {
  it('splits a preference into its phrases, keeping "TL;DR" whole and dropping empty answers', () => {
    expect(splitComponents('bullet points, brief; no emojis\nTL;DR line at the top, Brief.')).toEqual([
      'bullet points',
      'brief',
      'no emojis',
      'TL;DR line at the top',
    ]);
    expect(splitComponents('no clear preference')).toEqual([]);
    expect(splitComponents(null)).toEqual([]);
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
