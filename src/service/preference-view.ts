import type { EditPair, MemoryEntry } from '../spec/index.js';

/** A learned or user-written preference as the API shows it (kind `preference` memory entries). */
export interface PreferenceView {
  readonly id: string;
  /** The task key: `summarization`, `email` or `custom:<name>`. */
  readonly task: string;
  readonly preference: string;
  /** `follow-up`: asked for in a chat follow-up ("please, no bullet points"). */
  readonly origin: 'inferred' | 'kept' | 'user' | 'follow-up';
  readonly pinned: boolean;
  readonly contextId: string | null;
  readonly contextPreview: string | null;
  readonly interactionId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The edit the preference was inferred from, when there was one. */
  readonly pair: EditPair | null;
}

const previewLength = 160;

/** The first characters of a text on one line, with an ellipsis when cut (null stays null). */
export function preview(text: string | null): string | null {
  if (text === null) return null;
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= previewLength ? oneLine : `${oneLine.slice(0, previewLength - 1)}…`;
}

/** The API view of a preference entry. */
export function preferenceView(entry: MemoryEntry): PreferenceView {
  return {
    id: entry.id,
    task: entry.scope.task,
    preference: entry.preference ?? '',
    origin: entry.origin === 'observed' ? 'inferred' : entry.origin,
    pinned: entry.pinned,
    contextId: entry.contextId,
    contextPreview: preview(entry.contextText),
    interactionId: entry.interactionId,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    pair: entry.pair,
  };
}
