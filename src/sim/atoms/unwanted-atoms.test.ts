import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Task } from '../../spec/index.js';
import { OfflineWriter } from '../offline-writer.js';
import { inlineDocuments, sampleDocuments } from '../sample-documents.js';
import { applyRequirements, unmetRequirements } from './apply-requirements.js';
import { getAtom, styleAtoms } from './atom-registry.js';
import type { AtomRequirement } from './atom-requirement.js';
import { requirementsConflict, resolveConflicts } from './atom-requirement.js';
import { markedAtoms, reviseToStyle, ruledOutAtoms, unwantedAtoms } from './unwanted-atoms.js';

const writer = new OfflineWriter({ missRate: 0 });
const summarization: Task = { kind: 'summarization' };
const email: Task = { kind: 'email' };
const ids = (atoms: readonly { readonly id: string }[]) => atoms.map((atom) => atom.id);

/** A draft of a built-in document that carries the atom (applied by its editor). */
function draftWith(atomId: string, task: Task, index = 0): { text: string; context: string } {
  const documents = inlineDocuments(task.kind as 'summarization' | 'email');
  const context = documents[index % documents.length];
  if (context === undefined) throw new Error('no inline document');
  return { text: getAtom(atomId).apply(writer.draft(task, context), task), context: context.text };
}

describe('unwanted rules', () => {
  it('declares a rule with a reason beside every atom; every marked atom can be removed and avoided', () => {
    for (const atom of styleAtoms) {
      expect(atom.unwanted.why.length, atom.id).toBeGreaterThan(15);
      if (atom.unwanted.when === 'never') continue;
      expect(atom.remove, atom.id).toBeDefined();
      expect(atom.avoidPhrase, atom.id).toBeDefined();
    }
    // The features a person notices are among the marked ones.
    expect(ids(markedAtoms)).toEqual(
      expect.arrayContaining([
        'with-emojis',
        'hashtags',
        'qa-format',
        'bullet-points',
        'numbered-list',
        'ps-line',
        'tl-dr',
        'exclamation-marks',
      ]),
    );
    expect(ids(markedAtoms)).not.toContain('brief');
  });

  for (const atom of markedAtoms.filter((candidate) => candidate.unwanted.when === 'unrequested')) {
    it(`${atom.id}: a user who did not ask for it objects, and the revision removes it`, () => {
      for (const task of [summarization, email]) {
        const { text } = draftWith(atom.id, task);
        if (!atom.detect(text, task)) continue; // the editor found nothing to work on
        const requirements: AtomRequirement[] = [{ atom: 'clear', avoid: false }];
        expect(ids(unwantedAtoms(text, task, requirements))).toContain(atom.id);
        const revised = reviseToStyle(text, task, requirements);
        expect(atom.detect(revised, task), revised).toBe(false);
        expect(unmetRequirements(revised, task, requirements)).toEqual([]);
        // A user who asked for it does not object.
        expect(ids(unwantedAtoms(text, task, [{ atom: atom.id, avoid: false }]))).not.toContain(atom.id);
      }
    });
  }

  it('objects to exclamation marks only under a professional tone, and a writer asked for one drops them', () => {
    const text = 'The bridge reopened today! Traffic is flowing again.';
    const professional: AtomRequirement[] = [{ atom: 'professional-tone', avoid: false }];
    expect(ids(unwantedAtoms(text, summarization, [{ atom: 'brief', avoid: false }]))).toEqual([]);
    expect(ids(unwantedAtoms(text, summarization, professional))).toEqual(['exclamation-marks']);
    expect(reviseToStyle(text, summarization, professional)).toBe(
      'The bridge reopened today. Traffic is flowing again.',
    );
    expect(ids(ruledOutAtoms(professional))).toEqual(['exclamation-marks']);
    expect(ruledOutAtoms([...professional, { atom: 'exclamation-marks', avoid: false }])).toEqual([]);
  });

  it('does not object to an added sentence the context itself carries (a question quoted from a review)', () => {
    const review = 'Why does the second act drag? The cast is superb and the ending lands.';
    const summary = 'Why does the second act drag? The cast is superb.';
    const requirements: AtomRequirement[] = [{ atom: 'brief', avoid: false }];
    expect(ids(unwantedAtoms(summary, summarization, requirements, review))).toEqual([]);
    expect(ids(unwantedAtoms(summary, summarization, requirements, 'The cast is superb.'))).toEqual([
      'inquisitive',
    ]);
  });

  it('does not object to what the user’s own preference brings (questions of a Q/A layout)', () => {
    const requirements: AtomRequirement[] = [{ atom: 'qa-format', avoid: false }];
    const { text, context } = draftWith('qa-format', summarization);
    expect(ids(unwantedAtoms(text, summarization, requirements, context))).toEqual([]);
  });

  it('lays out a summary as the user wants and never leaves an unrequested marked feature (property)', () => {
    const requirement = fc.constantFrom<AtomRequirement>(
      ...styleAtoms.map((atom) => ({ atom: atom.id, avoid: false })),
    );
    const marked = fc.constantFrom(...markedAtoms.map((atom) => atom.id));
    fc.assert(
      fc.property(
        fc.constantFrom<'summarization' | 'email'>('summarization', 'email'),
        fc.nat(),
        fc.array(requirement, { minLength: 1, maxLength: 5 }),
        fc.array(marked, { minLength: 1, maxLength: 4 }),
        (kind, pick, drawn, extras) => {
          const task: Task = { kind };
          const documents = sampleDocuments(kind);
          const context = documents[pick % documents.length];
          if (context === undefined) return;
          const own = resolveConflicts(drawn);
          // A draft written for other atoms than the user's: the extras, as a wrong preference would add.
          const foreign = resolveConflicts(
            extras
              .map((atom) => ({ atom, avoid: false }))
              .filter((extra) => !own.some((mine) => requirementsConflict(mine, extra))),
          );
          const draft = applyRequirements(writer.draft(task, context), task, [...own, ...foreign]);
          const revised = reviseToStyle(draft, task, own, context.text);
          expect(ids(unwantedAtoms(revised, task, own, context.text))).toEqual([]);
          // Revising again changes nothing: the user accepts its own edit.
          expect(reviseToStyle(revised, task, own, context.text)).toBe(revised);
        },
      ),
      { numRuns: 300, seed: 20261204 },
    );
  });
});
