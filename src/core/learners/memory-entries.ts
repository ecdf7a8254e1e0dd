import type { Context, EditPair, Memory, MemoryEntry, MemoryOrigin, MemoryScope } from '../../spec/index.js';
import { sanitizePreference } from '../preference-text.js';

/** Store an observed (output, user's version) pair with the context it was written for. */
export function storePair(options: {
  readonly memory: Memory;
  readonly scope: MemoryScope;
  readonly context: Context;
  readonly embedding: readonly number[];
  readonly pair: EditPair;
  readonly interactionId?: string;
}): Promise<MemoryEntry> {
  return options.memory.add({
    scope: options.scope,
    kind: 'pair',
    embedding: options.embedding,
    contextId: options.context.id,
    contextText: options.context.text,
    preference: null,
    pair: { original: options.pair.original, edited: options.pair.edited },
    origin: 'observed',
    interactionId: options.interactionId ?? null,
  });
}

/** Store a preference with the embedding of the context it belongs to. */
export function storePreference(options: {
  readonly memory: Memory;
  readonly scope: MemoryScope;
  /** The context it was learned on; null when it summarises several (explore-exploit). */
  readonly context: Context | null;
  readonly embedding: readonly number[];
  readonly preference: string;
  readonly origin: MemoryOrigin;
  /** The edit it was inferred from, if it was inferred from exactly one. */
  readonly pair: EditPair | null;
  readonly interactionId?: string;
}): Promise<MemoryEntry> {
  return options.memory.add({
    scope: options.scope,
    kind: 'preference',
    embedding: options.embedding,
    contextId: options.context?.id ?? null,
    contextText: options.context?.text ?? null,
    // NOTE: whatever the learner, nothing over the limits or with control text is stored.
    preference: sanitizePreference(options.preference).text,
    pair: options.pair === null ? null : { original: options.pair.original, edited: options.pair.edited },
    origin: options.origin,
    interactionId: options.interactionId ?? null,
  });
}
