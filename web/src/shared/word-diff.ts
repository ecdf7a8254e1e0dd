import { diffWords } from 'diff';

/** One run of the word diff: kept, added by the user, or removed from the draft. */
export interface DiffPart {
  readonly kind: 'same' | 'added' | 'removed';
  readonly text: string;
}

/**
 * Word-level changes from `draft` to `edited` (jsdiff's `diffWords`, whitespace-insensitive), with
 * counts of added and removed words for a short summary.
 */
export function wordDiff(
  draft: string,
  edited: string,
): { parts: DiffPart[]; added: number; removed: number } {
  const parts: DiffPart[] = diffWords(draft, edited).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
  const countWords = (kind: DiffPart['kind']) =>
    parts
      .filter((part) => part.kind === kind)
      .reduce((total, part) => total + (part.text.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)?.length ?? 0), 0);
  return { parts, added: countWords('added'), removed: countWords('removed') };
}
