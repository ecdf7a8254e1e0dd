import type { LearnedPreference } from '../api/types.js';

/** Learned preferences of one task with the same text, shown as one card with their evidence. */
export interface PreferenceGroup {
  /** The task key and the normalised text. */
  readonly key: string;
  readonly task: string;
  /** The wording of the newest entry. */
  readonly preference: string;
  /** Every entry with this text, newest first: each is one piece of evidence. */
  readonly entries: readonly LearnedPreference[];
  /** True when any entry is pinned (then Tailor uses it for every draft of the task). */
  readonly pinned: boolean;
}

/** The text two preferences are compared by: case, spacing and closing punctuation ignored. */
export function normalisePreference(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.;,!]+$/, '')
    .trim();
}

/**
 * Merge entries with identical texts (per task) into groups, newest group first, keeping the order
 * of the list otherwise (the API lists oldest first).
 */
export function mergePreferences(list: readonly LearnedPreference[]): PreferenceGroup[] {
  const groups = new Map<string, LearnedPreference[]>();
  for (const entry of list) {
    const key = `${entry.task}\u0000${normalisePreference(entry.preference)}`;
    const entries = groups.get(key) ?? [];
    entries.push(entry);
    groups.set(key, entries);
  }
  const newest = (entries: readonly LearnedPreference[]) =>
    entries.reduce((latest, entry) => (entry.createdAt > latest ? entry.createdAt : latest), '');
  return [...groups]
    .map(([key, entries]) => {
      const ordered = [...entries].reverse();
      return {
        key,
        task: ordered[0]!.task,
        preference: ordered[0]!.preference,
        entries: ordered,
        pinned: ordered.some((entry) => entry.pinned),
      };
    })
    .sort((left, right) => newest(right.entries).localeCompare(newest(left.entries)));
}
