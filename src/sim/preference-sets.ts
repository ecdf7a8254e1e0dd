import type { Context, Task } from '../spec/index.js';
import { InvalidInputError } from '../spec/index.js';
import type { LatentPreference } from './latent-preference.js';
import { parseLatentPreference } from './latent-preference.js';

/** The two environments of the paper. */
export type PreferenceTask = 'summarization' | 'email';

/** Latent preferences per task and source, for simulated users. */
export interface PreferenceSet {
  readonly name: string;
  readonly description: string;
  readonly preferences: Readonly<Record<PreferenceTask, Readonly<Record<string, LatentPreference>>>>;
}

function build(
  name: string,
  description: string,
  texts: Readonly<Record<PreferenceTask, Readonly<Record<string, string>>>>,
): PreferenceSet {
  const parse = (task: PreferenceTask) =>
    Object.fromEntries(
      Object.entries(texts[task]).map(([source, text]) => [
        source,
        parseLatentPreference(text, `preference set ${name}, ${task} source ${source}`),
      ]),
    );
  return { name, description, preferences: { summarization: parse('summarization'), email: parse('email') } };
}

/** The paper's nine latent preferences (DESIGN.md §2), worded as there. */
export const preludeSet: PreferenceSet = build('prelude', "The paper's nine latent preferences (PRELUDE).", {
  summarization: {
    news: 'style targeted to young children, storytelling, short sentences, playful language, interactive, positive',
    forum: 'second person narrative, brief, show emotions, invoke personal reflection, immersive',
    encyclopedia: 'bullet points, parallel structure, brief',
    'paper-abstract': 'tweet style, simple English, inquisitive, skillful foreshadowing, with emojis',
    'movie-review': 'question answering style',
  },
  email: {
    'paper-summary': 'structured, straight to the points, respectful, professional greeting and closing',
    'personal-problem': 'informal, conversational, no closing',
    'paper-review': 'casual tone, positive, clear, call to action',
    'paper-tweet': 'engaging, personalized, professional tone, thankful closing',
  },
});

/**
 * Our harder set: four specific, surface-level components per source (ampersands, ALL-CAPS key
 * terms, semicolons, a P.S. line...), several of them rare in default drafts, one of them a negation.
 */
export const hardSet: PreferenceSet = build(
  'hard',
  "Four specific components per source (ours, not the paper's).",
  {
    summarization: {
      news: "numbered list, ampersands instead of 'and', ALL-CAPS emphasis of key terms, no exclamation marks",
      forum: 'third person narrative, semicolons, British spelling, a P.S. line',
      encyclopedia: 'TL;DR line at the top, bold key terms, short sentences, rhetorical questions',
      'paper-abstract': 'hashtags, exclamation marks, second person narrative, bullet points',
      'movie-review': 'question answering style, with emojis, a P.S. line, semicolons',
    },
    email: {
      'paper-summary': 'numbered list, British spelling, thankful closing, TL;DR line at the top',
      'personal-problem': 'casual closing, ALL-CAPS emphasis of key terms, semicolons, no greeting',
      'paper-review': 'bullet points, a P.S. line, exclamation marks, professional greeting',
      'paper-tweet': "hashtags, with emojis, casual greeting, ampersands instead of 'and'",
    },
  },
);

const sets: readonly PreferenceSet[] = [preludeSet, hardSet];

/** Names of the built-in preference sets. */
export const preferenceSetNames: readonly string[] = sets.map((set) => set.name);

/** A built-in preference set by name. Throws InvalidInputError listing the names. */
export function getPreferenceSet(name: string): PreferenceSet {
  const set = sets.find((candidate) => candidate.name === name);
  if (set === undefined) {
    throw new InvalidInputError({
      field: 'preference set',
      value: name,
      accepted: preferenceSetNames.join(', '),
    });
  }
  return set;
}

/** The set's preferences for a task, by source. Throws InvalidInputError for a custom task. */
export function preferencesForTask(
  set: PreferenceSet,
  task: Task,
): Readonly<Record<string, LatentPreference>> {
  if (task.kind === 'custom') {
    throw new InvalidInputError({ field: 'task', value: task.kind, accepted: 'summarization, email' });
  }
  return set.preferences[task.kind];
}

/**
 * The true latent preference of a context (its source's), as a lookup for simulated users and the
 * oracle. Throws InvalidInputError naming the source and the known ones when it has none.
 *
 * @example
 * const preferenceOf = latentPreferenceLookup(getPreferenceSet('prelude'), { kind: 'email' });
 * preferenceOf(context).text; // 'informal, conversational, no closing'
 */
export function latentPreferenceLookup(
  set: PreferenceSet,
  task: Task,
): (context: Context) => LatentPreference {
  const bySource = preferencesForTask(set, task);
  return (context) => {
    const preference = bySource[context.source];
    if (preference === undefined) {
      throw new InvalidInputError({
        field: 'source',
        value: context.source,
        accepted: Object.keys(bySource).join(', '),
      });
    }
    return preference;
  };
}
