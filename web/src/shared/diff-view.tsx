import type { DiffPart } from './word-diff.js';

/**
 * The word diff as text: removed words struck through in `<del>`, added words in `<ins>`, so the
 * changes read correctly without colour too.
 */
export function DiffView(props: { readonly parts: readonly DiffPart[]; readonly label: string }) {
  return (
    <div class="diff" role="group" aria-label={props.label}>
      {props.parts.map((part, index) =>
        part.kind === 'added' ? (
          <ins key={index}>{part.text}</ins>
        ) : part.kind === 'removed' ? (
          <del key={index}>{part.text}</del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </div>
  );
}
