import { describe, expect, it } from 'vitest';
import { progressHeadline } from './progress-headline.js';

describe('progressHeadline', () => {
  it('compares the first and last drafts, up to ten each', () => {
    expect(progressHeadline([12, 10, 4, 2])?.text).toBe(
      'Word edits per draft: 11.0 (first 2) → 3.0 (last 2), 73% fewer edits',
    );
    const many = progressHeadline([...Array(15).fill(10), ...Array(15).fill(5)]);
    expect(many).toMatchObject({ window: 10, first: 10, last: 5, change: '50% fewer edits' });
  });

  it('says so when there is nothing to compare or no change', () => {
    expect(progressHeadline([3])).toBeUndefined();
    expect(progressHeadline([4, 0])?.text).toBe(
      'Word edits per draft: 4.0 (first draft) → 0.0 (last draft), 100% fewer edits',
    );
    expect(progressHeadline([2, 2])?.change).toBe('no change');
    expect(progressHeadline([0, 3])?.change).toBe('more edits than at first');
  });
});
