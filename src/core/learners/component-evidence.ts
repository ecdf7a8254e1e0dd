import type { Memory, MemoryScope, Task, Writer } from '../../spec/index.js';
import { componentKey, splitComponents } from './preference-components.js';

/** One preference component of a user, with the evidence behind it. */
export interface ComponentEvidence {
  readonly component: string;
  /** Stored entries that name it (learned from an edit, kept after an acceptance, or written by hand). */
  readonly mentions: number;
  /** The user's final texts that show it / do not, when the writer can check (else null). */
  readonly supporting: number | null;
  readonly contradicting: number | null;
  /** ISO time of the newest entry naming it. */
  readonly lastSeen: string;
  /** Interactions behind the entries naming it (most recent first). */
  readonly interactionIds: readonly string[];
}

/**
 * A user's memory as a readable list of preference components with their evidence: every component any
 * stored preference names, how many entries name it, and, when the writer has `checkPreference`, how
 * many of the user's final texts (the edits and accepted drafts stored with the entries) show it or do
 * not. Most supported first (then most mentioned, then most recent).
 *
 * @example
 * const components = await describeComponents({ memory, scope, task: { kind: 'email' }, writer });
 */
export async function describeComponents(options: {
  readonly memory: Memory;
  readonly scope: MemoryScope;
  readonly task: Task;
  readonly writer?: Writer;
  readonly abortSignal?: AbortSignal;
}): Promise<ComponentEvidence[]> {
  const entries = await options.memory.list({ scope: options.scope, kind: 'preference' });
  const byKey = new Map<
    string,
    { component: string; mentions: number; lastSeen: string; interactionIds: string[] }
  >();
  for (const entry of [...entries].reverse()) {
    for (const component of splitComponents(entry.preference)) {
      const key = componentKey(component);
      const found = byKey.get(key) ?? {
        component,
        mentions: 0,
        lastSeen: entry.createdAt,
        interactionIds: [],
      };
      found.mentions += 1;
      if (entry.interactionId !== null && !found.interactionIds.includes(entry.interactionId))
        found.interactionIds.push(entry.interactionId);
      byKey.set(key, found);
    }
  }
  const components = [...byKey.values()];
  const texts = entries.flatMap((entry) => (entry.pair === null ? [] : [entry.pair.edited]));
  let shows: readonly (readonly (boolean | null)[])[] | undefined;
  if (options.writer?.checkPreference !== undefined && components.length > 0 && texts.length > 0) {
    shows = (
      await options.writer.checkPreference({
        task: options.task,
        components: components.map((item) => item.component),
        texts,
        abortSignal: options.abortSignal,
      })
    ).shows;
  }
  return components
    .map((item, column) => {
      const votes = shows?.map((row) => row[column]) ?? [];
      return {
        ...item,
        supporting: shows === undefined ? null : votes.filter((vote) => vote === true).length,
        contradicting: shows === undefined ? null : votes.filter((vote) => vote === false).length,
      };
    })
    .sort(
      (left, right) =>
        (right.supporting ?? 0) -
          (right.contradicting ?? 0) -
          ((left.supporting ?? 0) - (left.contradicting ?? 0)) ||
        right.mentions - left.mentions ||
        right.lastSeen.localeCompare(left.lastSeen),
    );
}
