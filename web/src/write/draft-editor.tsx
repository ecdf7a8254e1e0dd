import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { DiffView } from '../shared/diff-view.js';
import { wordDiff } from '../shared/word-diff.js';

/**
 * The draft, editable in place, with the word-level changes against the draft shown under it, and one
 * sticky bar under the editor with Submit (or Accept), Undo my changes and Discard; once answered the
 * bar holds `outcome` instead. Ctrl+Enter submits. The editor takes the keyboard focus when it appears
 * (render one per draft, keyed by the interaction id).
 */
export function DraftEditor(props: {
  readonly draft: string;
  readonly value: string;
  readonly busy: boolean;
  /** Answered: the text is read-only and the bar shows `outcome`. */
  readonly locked: boolean;
  readonly outcome?: ComponentChildren;
  readonly onChange: (text: string) => void;
  readonly onSubmit: () => void;
  readonly onDiscard: () => void;
}) {
  const changed = props.value !== props.draft;
  const diff = wordDiff(props.draft, props.value);
  const textarea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textarea.current?.focus(), []);
  const summary = props.locked
    ? changed
      ? `You sent ${diff.added} added and ${diff.removed} removed words and marks.`
      : 'You accepted the draft as it was.'
    : changed
      ? `${diff.added} added, ${diff.removed} removed (words and punctuation marks).`
      : 'No changes yet: submitting accepts the draft as it is.';
  return (
    <form
      class="draft-editor"
      aria-label="Edit the draft"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <label>
        Draft: edit it into what you would send
        <textarea
          ref={textarea}
          name="edited"
          rows={12}
          value={props.value}
          readOnly={props.locked}
          onInput={(event) => props.onChange(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              if (!props.busy && !props.locked) props.onSubmit();
            }
          }}
        />
      </label>
      <div class="edit-bar" data-testid="edit-bar">
        {props.locked ? (
          props.outcome
        ) : (
          <>
            <p class="hint" data-testid="change-summary">
              {summary}
            </p>
            <div class="actions">
              <button type="submit" class="primary" disabled={props.busy}>
                {props.busy ? 'Sending…' : changed ? 'Submit edit' : 'Accept draft'}
              </button>
              <button
                type="button"
                disabled={props.busy || !changed}
                onClick={() => props.onChange(props.draft)}
              >
                Undo my changes
              </button>
              <button type="button" disabled={props.busy} onClick={props.onDiscard}>
                Discard draft
              </button>
            </div>
          </>
        )}
      </div>
      {props.locked && (
        <p class="hint" data-testid="change-summary">
          {summary}
        </p>
      )}
      {changed && (
        <>
          <h4 id="changes-heading">Your changes</h4>
          <DiffView parts={diff.parts} label="Changes against the draft" />
        </>
      )}
    </form>
  );
}
