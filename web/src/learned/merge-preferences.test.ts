import { describe, expect, it } from 'vitest';
import type { LearnedPreference } from '../api/types.js';
import { mergePreferences } from './merge-preferences.js';

function entry(id: string, preference: string, createdAt: string, extra: Partial<LearnedPreference> = {}) {
  return {
    id,
    task: 'summarization',
    preference,
    origin: 'inferred',
    pinned: false,
    contextId: null,
    contextPreview: null,
    interactionId: null,
    createdAt,
    updatedAt: createdAt,
    pair: null,
    ...extra,
  } satisfies LearnedPreference;
}

describe('mergePreferences', () => {
  it('merges identical texts of one task into one group, newest entry and group first', () => {
    const groups = mergePreferences([
      entry('a', 'bullet points', '2026-01-01T00:00:00Z'),
      entry('b', 'brief', '2026-01-02T00:00:00Z'),
      entry('c', 'Bullet points.', '2026-01-03T00:00:00Z', { origin: 'kept', pinned: true }),
      entry('d', 'bullet points', '2026-01-04T00:00:00Z', { task: 'email' }),
    ]);
    expect(groups.map((group) => group.entries.map((item) => item.id))).toEqual([['d'], ['c', 'a'], ['b']]);
    expect(groups[1]).toMatchObject({ preference: 'Bullet points.', pinned: true, task: 'summarization' });
  });
});
