import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { userJudgePrompt } from '../prompts/index.js';
import type { Context, Task } from '../spec/index.js';
import { InvalidInputError } from '../spec/index.js';
import { unmetRequirements } from './atoms/apply-requirements.js';
import { markedAtoms, unwantedAtoms } from './atoms/unwanted-atoms.js';
import { OfflineWriter } from './offline-writer.js';
import { getPreferenceSet, preferenceSetNames } from './preference-sets.js';
import { inlineDocuments, sampleDocuments } from './sample-documents.js';
import { simulatedUserFor, simulatedUserFromTexts } from './simulated-user.js';
import { countTokens } from './writer/token-counter.js';

const writer = new OfflineWriter({ missRate: 0 });
const kinds = ['summarization', 'email'] as const;

/** Drafts the user may receive: unguided, or written for any source's preference of any set. */
function guidances(task: Task): (string | undefined)[] {
  if (task.kind === 'custom') return [undefined];
  return [
    undefined,
    ...preferenceSetNames.flatMap((name) =>
      Object.values(getPreferenceSet(name).preferences[task.kind]).map((p) => p.text),
    ),
  ];
}

async function draftFor(task: Task, context: Context, preference: string | undefined): Promise<string> {
  const guidance = preference === undefined ? undefined : ({ kind: 'preference', preference } as const);
  return (await writer.generate({ task, context, guidance })).text;
}

// NOTE: a fixed fast-check seed keeps CI deterministic; change it locally to explore other cases.
describe('SimulatedUser', () => {
  for (const kind of kinds) {
    const task: Task = { kind };
    it(`edits ${kind} drafts so that every requirement holds, and accepts its own edit unchanged (property)`, async () => {
      const documents = sampleDocuments(kind);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...documents),
          fc.constantFrom(...preferenceSetNames),
          fc.constantFrom(...guidances(task)),
          async (context, setName, guidance) => {
            const user = simulatedUserFor(getPreferenceSet(setName), task);
            const draft = await draftFor(task, context, guidance);
            const review = await user.review({ task, context, output: draft });
            const preference = user.latentPreference(context, task);
            expect(unmetRequirements(review.edited, task, preference.requirements)).toEqual([]);
            expect(review.warnings ?? []).toEqual([]);
            const again = await user.review({ task, context, output: review.edited });
            expect(again.accepted).toBe(true);
            expect(again.edited).toBe(review.edited);
          },
        ),
        { numRuns: 60, seed: 20240417 },
      );
    });

    it(`satisfies every source preference of both sets on the whole ${kind} corpus`, async () => {
      for (const setName of preferenceSetNames) {
        const user = simulatedUserFor(getPreferenceSet(setName), task);
        for (const context of sampleDocuments(kind)) {
          for (const guidance of [undefined, ...guidances(task).slice(1, 3)]) {
            const review = await user.review({
              task,
              context,
              output: await draftFor(task, context, guidance),
            });
            expect(review.warnings ?? [], `${setName} ${context.id}`).toEqual([]);
            expect(
              unmetRequirements(review.edited, task, user.latentPreference(context, task).requirements),
            ).toEqual([]);
          }
        }
      }
    });
  }

  it('edits an unguided draft (learning matters) and accepts the oracle draft of a perfect writer', async () => {
    const task: Task = { kind: 'email' };
    const user = simulatedUserFor(getPreferenceSet('prelude'), task);
    for (const context of inlineDocuments('email')) {
      const plain = await user.review({ task, context, output: writer.draft(task, context) });
      expect(plain.accepted).toBe(false);
      expect(plain.edited).not.toBe(writer.draft(task, context));
      const oracle = await draftFor(task, context, user.latentPreference(context, task).text);
      expect((await user.review({ task, context, output: oracle })).accepted).toBe(true);
    }
  });

  it('counts the tokens of the judge prompt (and of the edit prompt when editing) as its own usage', async () => {
    const task: Task = { kind: 'summarization' };
    const user = simulatedUserFor(getPreferenceSet('prelude'), task);
    const [context] = inlineDocuments('summarization');
    if (context === undefined) throw new Error('no inline document');
    const oracle = await draftFor(task, context, user.latentPreference(context, task).text);
    const accepted = await user.review({ task, context, output: oracle });
    const judge = userJudgePrompt(task, context, oracle, user.latentPreference(context, task).text);
    expect(accepted.usage).toEqual({
      inputTokens: countTokens(judge.user),
      outputTokens: countTokens('yes'),
    });
    const edited = await user.review({ task, context, output: writer.draft(task, context) });
    expect(edited.usage.inputTokens).toBeGreaterThan(accepted.usage.inputTokens);
    expect(edited.usage.outputTokens).toBeGreaterThan(countTokens(edited.edited) - 1);
    const silent = simulatedUserFor(getPreferenceSet('prelude'), task, { countUsage: false });
    expect((await silent.review({ task, context, output: oracle })).usage).toEqual({
      inputTokens: 0,
      outputTokens: 0,
    });
  });

  it('reviews a draft alike every time it is shown, and a context whose text changed under the same id afresh', async () => {
    const task: Task = { kind: 'summarization' };
    const user = simulatedUserFor(getPreferenceSet('prelude'), task);
    const [context] = inlineDocuments('summarization');
    if (context === undefined) throw new Error('no inline document');
    const preference = user.latentPreference(context, task).text;
    const output = await draftFor(task, context, preference);
    const first = await user.review({ task, context, output });
    expect(await user.review({ task, context, output })).toEqual(first);
    const longer = { ...context, text: `${context.text}\n\nA further paragraph was added later.` };
    const again = await user.review({ task, context: longer, output });
    expect(again.accepted).toBe(true);
    expect(again.usage.inputTokens).toBe(countTokens(userJudgePrompt(task, longer, output, preference).user));
    expect(again.usage.inputTokens).toBeGreaterThan(first.usage.inputTokens);
  });

  it('rejects a preference with conflicting atoms, naming both, and unknown sources', async () => {
    expect(() => simulatedUserFromTexts({ news: 'informal, professional tone' })).toThrow(
      /"informal" and "professional-tone"/,
    );
    expect(() => simulatedUserFromTexts({ news: 'bullet points, question answering style' })).toThrow(
      /"bullet-points" and "qa-format"/,
    );
    const user = simulatedUserFromTexts({ news: 'bullet points' });
    await expect(
      user.review({
        task: { kind: 'summarization' },
        context: { id: 'x', source: 'forum', text: 'A post.' },
        output: 'A post.',
      }),
    ).rejects.toThrow(InvalidInputError);
  });

  it('never accepts a draft carrying a marked feature it did not ask for, and its edit removes it (property)', async () => {
    const unrequested = markedAtoms.filter((atom) => atom.unwanted.when === 'unrequested');
    for (const kind of kinds) {
      const task: Task = { kind };
      const user = simulatedUserFor(getPreferenceSet('prelude'), task);
      const documents = sampleDocuments(kind);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...documents),
          fc.constantFrom(...unrequested),
          async (context, atom) => {
            const own = user.latentPreference(context, task).requirements;
            if (own.some((requirement) => requirement.atom === atom.id)) return;
            const oracle = await draftFor(task, context, user.latentPreference(context, task).text);
            const output = atom.apply(oracle, task);
            if (!atom.detect(output, task) || unwantedAtoms(output, task, own, context.text).length === 0)
              return;
            const review = await user.review({ task, context, output });
            expect(review.accepted).toBe(false);
            expect(unwantedAtoms(review.edited, task, own, context.text)).toEqual([]);
            expect(unmetRequirements(review.edited, task, own)).toEqual([]);
          },
        ),
        { numRuns: 120, seed: 20261204 },
      );
    }
  });
});
