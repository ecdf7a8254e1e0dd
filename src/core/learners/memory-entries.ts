import type {
  Context,
  EditPair,
  Memory,
  MemoryEntry,
  MemoryOrigin,
  MemoryScope,
  NewMemoryEntry,
} from '../../spec/index.js';
import { sanitizePreference } from '../preference-text.js';

/** Where an entry is stored: the memory, the scope, the context's embedding, the interaction it came from. */
interface EntryPlace {
  readonly memory: Memory;
  readonly scope: MemoryScope;
  readonly embedding: readonly number[];
  readonly interactionId?: string;
}

/** What an entry holds besides its place: the context and pair are copied into it. */
interface EntryContent {
  readonly kind: NewMemoryEntry['kind'];
  readonly context: Context | null;
  readonly preference: string | null;
  readonly pair: EditPair | null;
  readonly origin: MemoryOrigin;
}

function addEntry(place: EntryPlace, { context, pair, ...content }: EntryContent): Promise<MemoryEntry> {
  return place.memory.add({
    ...content,
    scope: place.scope,
    embedding: place.embedding,
    contextId: context?.id ?? null,
    contextText: context?.text ?? null,
    pair: pair === null ? null : { original: pair.original, edited: pair.edited },
    interactionId: place.interactionId ?? null,
  });
}

/** Store an observed (output, user's version) pair with the context it was written for. */
export function storePair(
  options: EntryPlace & { readonly context: Context; readonly pair: EditPair },
): Promise<MemoryEntry> {
  const { context, pair } = options;
  return addEntry(options, { kind: 'pair', context, preference: null, pair, origin: 'observed' });
}

/** Store a preference with the embedding of the context it belongs to. */
export function storePreference(
  options: EntryPlace & {
    /** The context it was learned on; null when it summarises several (explore-exploit). */
    readonly context: Context | null;
    readonly preference: string;
    readonly origin: MemoryOrigin;
    /** The edit it was inferred from, if it was inferred from exactly one. */
    readonly pair: EditPair | null;
  },
): Promise<MemoryEntry> {
  const { context, pair, origin } = options;
  // NOTE: whatever the learner, nothing over the limits or with control text is stored.
  const preference = sanitizePreference(options.preference).text;
  return addEntry(options, { kind: 'preference', context, preference, pair, origin });
}
