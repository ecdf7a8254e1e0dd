import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { atomsForPreferenceText, preferenceTextFor } from './preference-text.js';

/**
 * The labelled follow-up set (`test/fixtures/follow-ups/`) is well-formed: a data check, not a score
 * (`npm run eval:follow-ups` scores classifiers on it).
 */
const lines = readFileSync(
  new URL('../../test/fixtures/follow-ups/follow-ups.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim() !== '');
const items = lines.map((line) => JSON.parse(line) as Record<string, unknown>);

/** Whether a component is one the offline world knows, phrased as it phrases it. */
function inWorld(component: string): boolean {
  const parsed = atomsForPreferenceText(component);
  return (
    parsed.requirements.length > 0 &&
    parsed.unknown.length === 0 &&
    preferenceTextFor(parsed.requirements) === component
  );
}

describe('the labelled follow-up set', () => {
  it('has at least 200 follow-ups with unique ids and the fields of its README', () => {
    expect(items.length).toBeGreaterThanOrEqual(200);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    expect(new Set(items.map((item) => String(item.followUp).trim().toLowerCase())).size).toBe(items.length);
    for (const item of items) {
      expect(item.id).toMatch(/^fu-\d{3}$/);
      expect(['feedback', 'satisfaction', 'neither']).toContain(item.label);
      expect(typeof item.answer === 'string' && item.answer.trim() !== '').toBe(true);
      expect(typeof item.followUp === 'string' && item.followUp.trim() !== '').toBe(true);
      expect(Array.isArray(item.components)).toBe(true);
    }
  });

  it('splits into dev (the first 40% of lines) and test (the rest)', () => {
    const dev = Math.floor(items.length * 0.4);
    expect(items.map((item) => item.split)).toEqual(items.map((_, index) => (index < dev ? 'dev' : 'test')));
    for (const split of ['dev', 'test'])
      for (const label of ['feedback', 'satisfaction', 'neither'])
        expect(items.filter((item) => item.split === split && item.label === label).length).toBeGreaterThan(
          10,
        );
  });

  it('gives feedback its components in the offline world phrases, and nothing else any', () => {
    for (const item of items) {
      const components = item.components as readonly string[];
      if (item.label !== 'feedback') {
        expect(components, String(item.id)).toEqual([]);
        expect(item.outsideWorld, String(item.id)).toBeUndefined();
        continue;
      }
      expect(components.length, String(item.id)).toBeGreaterThan(0);
      expect(new Set(components).size, String(item.id)).toBe(components.length);
      // Lines marked outsideWorld ask for a form with no atom ("longer"); every other component parses.
      if (item.outsideWorld === true) expect(components.some((component) => !inWorld(component))).toBe(true);
      else
        for (const component of components) expect(inWorld(component), `${item.id}: ${component}`).toBe(true);
    }
  });
});
