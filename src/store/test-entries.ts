import type { MemoryScope, NewInteraction, NewMemoryEntry } from '../spec/index.js';

/**
 * A new entry of kind `preference` learned from nothing in particular (what most tests add); `extra`
 * sets any other field (a pair, an origin, a pin).
 */
export function preferenceEntry(
  scope: MemoryScope,
  text: string,
  embedding: readonly number[],
  extra: Partial<NewMemoryEntry> = {},
): NewMemoryEntry {
  return {
    scope,
    kind: 'preference',
    embedding,
    contextId: null,
    contextText: null,
    preference: text,
    pair: null,
    origin: 'inferred',
    interactionId: null,
    ...extra,
  };
}

/** A new email interaction of `tenant`'s user ada, drafted by cipher-5 with no memory (for tests). */
export function newInteraction(tenant: string, extra: Partial<NewInteraction> = {}): NewInteraction {
  return {
    tenant,
    user: 'ada',
    task: { kind: 'email' },
    contextId: null,
    contextText: 'notes',
    embedding: null,
    output: 'draft',
    preferenceUsed: null,
    neighbours: [],
    learner: 'cipher-5',
    ...extra,
  };
}
