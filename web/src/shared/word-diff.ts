import { diffArrays } from 'diff';
import { wordTokenSpans } from '../../../src/core/metrics/word-tokenize.js';

/** One run of the word diff: kept, added by the user, or removed from the draft. */
export interface DiffPart {
  readonly kind: 'same' | 'added' | 'removed';
  readonly text: string;
}

/** A token of a text with the spacing written before it. */
interface Piece {
  readonly token: string;
  readonly space: string;
  readonly text: string;
}

/** The text as tokens with their own spacing, and the spacing after the last one. */
function piecesOf(text: string): { pieces: Piece[]; tail: string } {
  let end = 0;
  const pieces = wordTokenSpans(text).map(({ token, start, end: tokenEnd }) => {
    const piece = { token, space: text.slice(end, start), text: text.slice(start, tokenEnd) };
    end = tokenEnd;
    return piece;
  });
  return { pieces, tail: text.slice(end) };
}

/**
 * Word-level changes from `draft` to `edited`, over the tokens the edit cost counts (`wordTokenize`,
 * NLTK's: words, punctuation marks, contraction parts), so the summary's counts of added and removed
 * words and marks are the cost's own units. Keeping every part that is not `added` rebuilds the
 * draft, every part that is not `removed` the edited text (spacing that changed shows as removed and
 * added).
 */
export function wordDiff(
  draft: string,
  edited: string,
): { parts: DiffPart[]; added: number; removed: number } {
  const before = piecesOf(draft);
  const after = piecesOf(edited);
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (last?.kind === kind) parts[parts.length - 1] = { kind, text: last.text + text };
    else parts.push({ kind, text });
  };
  const keep = (old: string, now: string) => {
    if (old === now) push('same', old);
    else {
      push('removed', old);
      push('added', now);
    }
  };
  let added = 0;
  let removed = 0;
  let oldIndex = 0;
  let newIndex = 0;
  const take = (pieces: readonly Piece[], from: number, count: number) => pieces.slice(from, from + count);
  const joined = (pieces: readonly Piece[]) => pieces.map((piece) => piece.space + piece.text).join('');
  const changes = diffArrays(
    before.pieces.map((piece) => piece.token),
    after.pieces.map((piece) => piece.token),
  );
  for (let index = 0; index < changes.length; index += 1) {
    const change = changes[index] as (typeof changes)[number];
    if (!change.added && !change.removed) {
      for (const old of take(before.pieces, oldIndex, change.count)) {
        const now = after.pieces[newIndex++] as Piece;
        keep(old.space, now.space);
        keep(old.text, now.text);
      }
      oldIndex += change.count;
      continue;
    }
    const next = changes[index + 1];
    const replaced = change.removed && next?.added === true;
    const old = change.removed ? take(before.pieces, oldIndex, change.count) : [];
    const now = change.added
      ? take(after.pieces, newIndex, change.count)
      : replaced
        ? take(after.pieces, newIndex, next.count)
        : [];
    if (replaced) index += 1;
    oldIndex += old.length;
    newIndex += now.length;
    // NOTE: a replaced run keeps the spacing before it when both sides have the same: "The [cat→dog]".
    const space = old[0]?.space;
    if (replaced && space !== undefined && space === now[0]?.space) {
      push('same', space);
      push('removed', joined(old).slice(space.length));
      push('added', joined(now).slice(space.length));
    } else {
      push('removed', joined(old));
      push('added', joined(now));
    }
    removed += old.length;
    added += now.length;
  }
  keep(before.tail, after.tail);
  return { parts, added, removed };
}
