import { describe, expect, it } from 'vitest';
import { aggregatePreferencesPrompt, generatePrompt, inferPreferencePrompt } from '../prompts/index.js';
import type { EditPair, Task } from '../spec/index.js';
import { InvalidInputError } from '../spec/index.js';
import { requirementKey } from './atoms/atom-requirement.js';
import { OfflineWriter } from './offline-writer.js';
import { getPreferenceSet } from './preference-sets.js';
import { atomsForPreferenceText, noPreferencePhrase } from './preference-text.js';
import { inlineDocuments, sampleDocuments } from './sample-documents.js';
import { simulatedUserFor } from './simulated-user.js';
import { unwantedAtoms } from './atoms/unwanted-atoms.js';
import { applyRequirements } from './atoms/apply-requirements.js';
import { defaultMissModel, isMissed, missProbability } from './writer/miss-model.js';
import { countTokens } from './writer/token-counter.js';

const summarization: Task = { kind: 'summarization' };
const email: Task = { kind: 'email' };
const keys = (text: string) => atomsForPreferenceText(text).requirements.map(requirementKey).sort();

describe('OfflineWriter', () => {
  it('summarizes by salience: a few whole sentences of the article, in order', async () => {
    const writer = new OfflineWriter();
    for (const context of inlineDocuments('summarization')) {
      const { text } = await writer.generate({ task: summarization, context });
      const sentences = text.split(/(?<=[.!?])\s+/);
      expect(sentences.length).toBeGreaterThanOrEqual(3);
      expect(sentences.length).toBeLessThanOrEqual(4);
      let cursor = -1;
      for (const sentence of sentences) {
        const position = context.text.indexOf(sentence);
        expect(position, sentence).toBeGreaterThan(cursor);
        cursor = position;
      }
    }
  });

  it('writes a plain email from notes that misses most latent preferences', async () => {
    const writer = new OfflineWriter();
    const context = inlineDocuments('email')[0];
    if (context === undefined) throw new Error('no inline notes');
    const { text } = await writer.generate({ task: email, context });
    expect(text.startsWith('Hi,\n\n')).toBe(true);
    expect(text.endsWith('\n\nBest,\n[Your Name]')).toBe(true);
    expect(text).toMatch(/12(%| percent)/);
    // Notes become prose: keys are read ("The title is ..."), nothing is pasted as a "Key: value" line.
    expect(text).toContain('The title is Faster Route Planning for Delivery Bikes.');
    expect(text).not.toMatch(/^(Title|Highlights|Abstract):/m);
    const user = simulatedUserFor(getPreferenceSet('prelude'), email);
    for (const source of Object.keys(getPreferenceSet('prelude').preferences.email)) {
      expect(
        (await user.review({ task: email, context: { ...context, source }, output: text })).accepted,
        source,
      ).toBe(false);
    }
  });

  it('applies the atoms of a preference text, ignoring unknown words, so that the user accepts', async () => {
    const writer = new OfflineWriter({ missRate: 0 });
    const user = simulatedUserFor(getPreferenceSet('prelude'), summarization);
    for (const context of sampleDocuments('summarization').filter((_, index) => index % 7 === 0)) {
      const preference = `${user.latentPreference(context, summarization).text}, witty`;
      const { text } = await writer.generate({
        task: summarization,
        context,
        guidance: { kind: 'preference', preference },
      });
      expect((await user.review({ task: summarization, context, output: text })).accepted, context.id).toBe(
        true,
      );
    }
  });

  it('misses a requirement at the documented rate, deterministically per seed and context', () => {
    const trials = Array.from({ length: 20_000 }, (_, index) => `context-${index}`);
    const missed = trials.filter((contextId) =>
      isMissed({ seed: 0, contextId, requirement: 'brief', probability: 0.1 }),
    );
    expect(missed.length / trials.length).toBeGreaterThan(0.09);
    expect(missed.length / trials.length).toBeLessThan(0.11);
    expect(
      trials.filter((contextId) => isMissed({ seed: 0, contextId, requirement: 'brief', probability: 0.1 })),
    ).toEqual(missed);
    expect(
      trials.filter((contextId) => isMissed({ seed: 1, contextId, requirement: 'brief', probability: 0.1 })),
    ).not.toEqual(missed);
    expect(() => new OfflineWriter({ missRate: 2 })).toThrow(InvalidInputError);
    expect(() => new OfflineWriter({ missLoad: -1 })).toThrow(InvalidInputError);
  });

  it('misses hard requirements more than easy ones, and more when more are asked at once', () => {
    const model = defaultMissModel;
    const alone = missProbability(model, { atom: 'brief', avoid: false }, 1);
    expect(alone).toBeCloseTo(model.rate);
    expect(missProbability(model, { atom: 'parallel-structure', avoid: false }, 1)).toBeGreaterThan(alone);
    expect(missProbability(model, { atom: 'with-emojis', avoid: false }, 1)).toBeLessThan(alone);
    expect(missProbability(model, { atom: 'brief', avoid: false }, 5)).toBeGreaterThan(alone);
    expect(missProbability(model, { atom: 'brief', avoid: false }, 500)).toBe(model.ceiling);
    // One draw per (seed, context, requirement): asking for more at once only adds misses.
    const trials = Array.from({ length: 2_000 }, (_, index) => `context-${index}`);
    const missedAt = (asked: number) =>
      new Set(
        trials.filter((contextId) =>
          isMissed({
            seed: 0,
            contextId,
            requirement: 'brief',
            probability: missProbability(model, { atom: 'brief', avoid: false }, asked),
          }),
        ),
      );
    const few = missedAt(1);
    const many = missedAt(6);
    expect(many.size).toBeGreaterThan(few.size);
    expect([...few].every((contextId) => many.has(contextId))).toBe(true);
  });

  it('keeps the oracle imperfect: some drafts written with the true preference still get edited', async () => {
    const writer = new OfflineWriter({ seed: 0 });
    const user = simulatedUserFor(getPreferenceSet('prelude'), summarization);
    let edited = 0;
    for (const context of sampleDocuments('summarization')) {
      const preference = user.latentPreference(context, summarization).text;
      const { text } = await writer.generate({
        task: summarization,
        context,
        guidance: { kind: 'preference', preference },
      });
      if (!(await user.review({ task: summarization, context, output: text })).accepted) edited += 1;
    }
    expect(edited).toBeGreaterThan(0);
    expect(edited).toBeLessThan(sampleDocuments('summarization').length / 2);
  });

  it('infers from an edit the preference that produced it, in words that parse back to its atoms', async () => {
    const writer = new OfflineWriter({ missRate: 0 });
    const user = simulatedUserFor(getPreferenceSet('prelude'), email);
    for (const context of inlineDocuments('email')) {
      const { text } = await writer.generate({ task: email, context });
      const review = await user.review({ task: email, context, output: text });
      const inferred = await writer.inferPreference({
        task: email,
        pairs: [{ original: text, edited: review.edited }],
      });
      // Atoms the draft already had (e.g. "clear" for short notes) cannot show in the edit; what the
      // user removed as unwanted ("no exclamation marks" under a professional tone) is shown by it.
      const { requirements } = user.latentPreference(context, email);
      const truth = [
        ...keys(user.latentPreference(context, email).text),
        ...unwantedAtoms(applyRequirements(text, email, requirements), email, requirements, context.text).map(
          (atom) => `avoid:${atom.id}`,
        ),
      ];
      expect(keys(inferred.text).length, inferred.text).toBeGreaterThan(0);
      expect(
        keys(inferred.text).filter((key) => !truth.includes(key)),
        inferred.text,
      ).toEqual([]);
      expect(atomsForPreferenceText(inferred.text).unknown).toEqual([]);
    }
  });

  it('infers as a pure function of (shown draft, edit): no memory of its own drafts, same pair same answer', async () => {
    const task = summarization;
    const user = simulatedUserFor(getPreferenceSet('prelude'), task);
    const contexts = inlineDocuments('summarization');
    const used = new OfflineWriter({ seed: 3 });
    const pairs: EditPair[] = [];
    for (const context of contexts) {
      // Drafts written with a wrong preference: the features the user keeps must be judged from the pair.
      const guidance = { kind: 'preference', preference: 'bullet points, brief, positive' } as const;
      const { text } = await used.generate({ task, context, guidance });
      const review = await user.review({ task, context, output: text });
      pairs.push({ original: text, edited: review.edited });
    }
    for (const pair of pairs) {
      const fresh = new OfflineWriter({ seed: 9 });
      const first = await used.inferPreference({ task, pairs: [pair] });
      const again = await fresh.inferPreference({ task, pairs: [pair] });
      expect(again.text).toBe(first.text);
      // "positive" was in the shown draft and kept: an unmarked feature is no evidence of a preference.
      expect(keys(first.text)).not.toContain('positive');
    }
    expect((await used.inferPreference({ task, pairs })).text).toBe(
      (await new OfflineWriter().inferPreference({ task, pairs })).text,
    );
  });

  it('infers "avoid" from a removal, majorities from several pairs, and nothing from acceptances', async () => {
    const writer = new OfflineWriter();
    const removal: EditPair = {
      original: 'The tour starts at noon! Bring water.',
      edited: 'The tour starts at noon. Bring water.',
    };
    expect((await writer.inferPreference({ task: summarization, pairs: [removal] })).text).toBe(
      'no exclamation marks',
    );
    const bullets: EditPair = { original: 'A cat. A dog.', edited: '- A cat.\n- A dog.' };
    const same: EditPair = { original: 'A cat. A dog.', edited: 'A cat. A dog.' };
    expect(
      (await writer.inferPreference({ task: summarization, pairs: [bullets, bullets, same] })).text,
    ).toBe('bullet points');
    expect((await writer.inferPreference({ task: summarization, pairs: [bullets, same, same] })).text).toBe(
      noPreferencePhrase,
    );
  });

  it('aggregates preferences by majority, ties kept, conflicts won by the more mentioned', async () => {
    const writer = new OfflineWriter();
    const aggregate = async (preferences: string[]) =>
      (await writer.aggregatePreferences({ task: email, preferences })).text;
    expect(await aggregate(['bullet points, brief', 'bullet points', 'informal'])).toBe('bullet points');
    expect(await aggregate(['emojis', 'brief'])).toBe('brief, with emojis');
    expect(await aggregate(['no closing', 'thankful closing', 'thankful closing', 'no closing, brief'])).toBe(
      'no closing',
    );
    expect(await aggregate(['thankful closing', 'no closing', 'no closing', 'thankful closing'])).toBe(
      'thankful closing',
    );
    expect(await aggregate(['emojis', 'no emojis, brief', 'no emojis'])).toBe('no emojis');
  });

  it('imitates from examples the atoms most revisions have and most originals lack', async () => {
    const writer = new OfflineWriter({ missRate: 0 });
    const context = inlineDocuments('summarization')[2];
    if (context === undefined) throw new Error('no inline document');
    const example: EditPair = { original: 'A cat sat. It slept.', edited: '- A cat sat.\n- It slept.' };
    const kept: EditPair = { original: '- A dog ran.\n- It barked.', edited: '- A dog ran.\n- It barked.' };
    const withExamples = await writer.generate({
      task: summarization,
      context,
      guidance: { kind: 'examples', examples: [example, example, kept] },
    });
    expect(withExamples.text.startsWith('- ')).toBe(true);
    const oscillating = await writer.generate({
      task: summarization,
      context,
      guidance: { kind: 'examples', examples: [example, kept, kept] },
    });
    expect(oscillating.text.startsWith('- ')).toBe(false);
  });

  it('counts usage as the LLM prompts of src/prompts would have cost', async () => {
    const writer = new OfflineWriter();
    const context = inlineDocuments('summarization')[0];
    if (context === undefined) throw new Error('no inline document');
    const guidance = { kind: 'preference', preference: 'brief' } as const;
    const generated = await writer.generate({ task: summarization, context, guidance });
    expect(generated.usage).toEqual({
      inputTokens: countTokens(generatePrompt(summarization, context, guidance).user),
      outputTokens: countTokens(generated.text),
    });
    const pairs = [{ original: generated.text, edited: `${generated.text} Wow!` }];
    const inferred = await writer.inferPreference({ task: summarization, pairs });
    expect(inferred.usage.inputTokens).toBe(countTokens(inferPreferencePrompt(summarization, pairs).user));
    const aggregated = await writer.aggregatePreferences({
      task: summarization,
      preferences: ['brief', 'brief, emojis'],
    });
    expect(aggregated.usage).toEqual({
      inputTokens: countTokens(aggregatePreferencesPrompt(summarization, ['brief', 'brief, emojis']).user),
      outputTokens: countTokens(aggregated.text),
    });
  });
});
