import { expect } from 'vitest';
import type { Task } from '../../spec/index.js';
import { getAtom } from './atom-registry.js';

/**
 * Apply the atom `id` to a text that lacks it and check the atom contract on the way (`StyleAtom`):
 * missing before, held after, and applying again changes nothing. Returns the edited text.
 */
export function appliedAtom(id: string, text: string, task: Task): string {
  const atom = getAtom(id);
  expect(atom.detect(text, task), `${id} before the edit`).toBe(false);
  const edited = atom.apply(text, task);
  expect(atom.detect(edited, task), `${id} after the edit`).toBe(true);
  expect(atom.apply(edited, task), `${id} applied twice`).toBe(edited);
  return edited;
}
