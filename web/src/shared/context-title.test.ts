import { describe, expect, it } from 'vitest';
import { contextTitle } from './context-title.js';
import { localDate } from './local-date.js';

describe('contextTitle', () => {
  it('keeps the first words of the first sentence', () => {
    expect(contextTitle('The red panda is a small mammal that lives in forests. It eats bamboo.')).toBe(
      'The red panda is a small mammal…',
    );
    expect(contextTitle('Lisbon is a city. It has hills.')).toBe('Lisbon is a city');
  });

  it('uses the first line and drops list markers', () => {
    expect(contextTitle('- launch Monday\n- team of four')).toBe('launch Monday');
  });

  it('names an empty text', () => {
    expect(contextTitle('  ')).toBe('Untitled text');
    expect(contextTitle(null)).toBe('Untitled text');
  });
});

describe('localDate', () => {
  it('shows the date without the time unless asked', () => {
    expect(localDate('2026-12-04T01:59:23.000Z', { locale: 'en-GB' })).toMatch(/^\d Dec 2026$/);
    expect(localDate('2026-12-04T13:59:23.000Z', { locale: 'en-GB', withTime: true })).toMatch(
      /Dec 2026.*\d\d:\d\d/,
    );
  });

  it('returns what it cannot parse unchanged', () => {
    expect(localDate('soon')).toBe('soon');
  });
});
