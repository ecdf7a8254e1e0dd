import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Task } from '../../spec/index.js';
import { atomsForPreferenceText } from '../preference-text.js';
import { inlineDocuments, sampleDocuments } from '../sample-documents.js';
import { OfflineWriter } from '../offline-writer.js';
import { applyRequirements, unmetRequirements } from './apply-requirements.js';
import { atomsConflict, getAtom, styleAtoms } from './atom-registry.js';
import { requirementKey, resolveConflicts } from './atom-requirement.js';

const writer = new OfflineWriter({ missRate: 0 });
const tasks: Task[] = [{ kind: 'summarization' }, { kind: 'email' }];

function drafts(task: Task, documents = inlineDocuments(task.kind as 'summarization' | 'email')): string[] {
  return documents.map((context) => writer.draft(task, context));
}

// NOTE: a fixed fast-check seed keeps CI deterministic; change it locally to explore other cases.
describe('style atoms', () => {
  it('has at least 30 atoms with kebab-case unique ids, phrases and a meaning', () => {
    expect(styleAtoms.length).toBeGreaterThanOrEqual(30);
    const ids = styleAtoms.map((atom) => atom.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const atom of styleAtoms) {
      expect(atom.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(atom.phrases.length).toBeGreaterThan(0);
      expect(atom.meaning.length).toBeGreaterThan(40);
    }
  });

  it('declares conflicts on both sides, between existing atoms', () => {
    for (const atom of styleAtoms) {
      for (const other of atom.conflicts) {
        expect(getAtom(other).conflicts, `${other} should list ${atom.id}`).toContain(atom.id);
        expect(atomsConflict(other, atom.id)).toBe(true);
      }
    }
    expect(atomsConflict('no-closing', 'professional-closing')).toBe(true);
    expect(atomsConflict('informal', 'professional-tone')).toBe(true);
    expect(atomsConflict('second-person', 'third-person')).toBe(true);
  });

  it('reads each canonical phrase back as exactly its atom, and each avoid phrase as avoiding it', () => {
    for (const atom of styleAtoms) {
      expect(atomsForPreferenceText(atom.phrases[0] ?? '')).toEqual({
        requirements: [{ atom: atom.id, avoid: false }],
        unknown: [],
        unavoidable: [],
      });
      if (atom.remove !== undefined) {
        expect(atom.avoidPhrase, atom.id).toBeDefined();
        expect(atomsForPreferenceText(atom.avoidPhrase ?? '')).toEqual({
          requirements: [{ atom: atom.id, avoid: true }],
          unknown: [],
          unavoidable: [],
        });
      }
    }
  });

  for (const task of tasks) {
    it(`applies every atom to ${task.kind} drafts so that it holds, idempotently`, () => {
      for (const text of drafts(task)) {
        for (const atom of styleAtoms) {
          const edited = atom.apply(text, task);
          expect(atom.detect(edited, task), `${atom.id} on ${JSON.stringify(text.slice(0, 40))}`).toBe(true);
          expect(atom.apply(edited, task), atom.id).toBe(edited);
          if (atom.remove !== undefined) {
            const removed = atom.remove(edited, task);
            expect(atom.detect(removed, task), `remove ${atom.id}`).toBe(false);
            expect(atom.remove(removed, task)).toBe(removed);
          }
        }
      }
    });
  }

  it('applies every atom to every corpus draft so that it holds', () => {
    for (const task of tasks) {
      for (const text of drafts(task, sampleDocuments(task.kind as 'summarization' | 'email'))) {
        for (const atom of styleAtoms) {
          expect(atom.detect(atom.apply(text, task), task), `${atom.id}`).toBe(true);
        }
      }
    }
  });

  it('keeps every atom of any conflict-free combination true when applied in the fixed order (property)', () => {
    const requirement = fc.constantFrom(
      ...styleAtoms.map((atom) => ({ atom: atom.id, avoid: false })),
      ...styleAtoms
        .filter((atom) => atom.remove !== undefined)
        .map((atom) => ({ atom: atom.id, avoid: true })),
    );
    const kinds = fc.constantFrom<'summarization' | 'email'>('summarization', 'email');
    fc.assert(
      fc.property(
        kinds,
        fc.nat(),
        fc.array(requirement, { minLength: 1, maxLength: 6 }),
        (kind, pick, drawn) => {
          const task: Task = { kind };
          const documents = sampleDocuments(kind);
          const context = documents[pick % documents.length];
          if (context === undefined) return;
          const requirements = resolveConflicts(drawn);
          const text = applyRequirements(writer.draft(task, context), task, requirements);
          expect(unmetRequirements(text, task, requirements).map(requirementKey)).toEqual([]);
          expect(applyRequirements(text, task, requirements)).toBe(text);
        },
      ),
      { numRuns: 500, seed: 20240417 },
    );
  });

  it('turns a draft into bullet points, and avoiding them keeps one item per line', () => {
    const task: Task = { kind: 'summarization' };
    const text = 'The koala lives in trees. It eats leaves. It sleeps a lot.';
    const bullets = getAtom('bullet-points').apply(text, task);
    expect(bullets).toBe('- The koala lives in trees.\n- It eats leaves.\n- It sleeps a lot.');
    expect(getAtom('bullet-points').remove?.(bullets, task)).toBe(
      'The koala lives in trees.\nIt eats leaves.\nIt sleeps a lot.',
    );
  });

  it('gives a professional greeting and closing to an email, keeping the name and signature', () => {
    const task: Task = { kind: 'email' };
    const email = 'Hi Sam,\n\nThe report is ready.\n\nBest,\n[Your Name]';
    const formal = getAtom('professional-closing').apply(
      getAtom('professional-greeting').apply(email, task),
      task,
    );
    expect(formal).toBe('Dear Sam,\n\nThe report is ready.\n\nBest regards,\n[Your Name]');
    expect(getAtom('no-closing').apply(formal, task)).toBe('Dear Sam,\n\nThe report is ready.');
  });

  it('contracts for informal and expands for professional tone', () => {
    const task: Task = { kind: 'email' };
    const informal = getAtom('informal').apply(
      'Dear Ana,\n\nI am sure it is fine. I do not mind, however.',
      task,
    );
    expect(informal).toBe("Hi Ana,\n\nI'm sure it's fine. I don't mind, but.");
    expect(getAtom('professional-tone').apply("Hey,\n\nI'm sure it's cool.", task)).toBe(
      'Hello,\n\nI am sure it is good.',
    );
  });

  it('swaps pronouns for second and third person narratives', () => {
    const task: Task = { kind: 'summarization' };
    expect(getAtom('second-person').apply('I was thrilled. My sister asked me to help.', task)).toBe(
      'You were thrilled. Your sister asked you to help.',
    );
    expect(getAtom('third-person').apply('I was thrilled. My sister asked me to help.', task)).toBe(
      'They were thrilled. Their sister asked them to help.',
    );
  });
});
