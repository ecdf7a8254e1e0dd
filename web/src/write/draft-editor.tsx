import { useEffect, useRef } from 'preact/hooks';
import { DiffView } from '../shared/diff-view.js';
import { wordDiff } from '../shared/word-diff.js';

/**
 * The draft, editable in place, with the word-level changes against the draft shown under it.
 * Submitting unchanged text accepts the draft. Ctrl+Enter submits. The editor takes the keyboard focus
 * when it appears (render one per draft, keyed by the interaction id).
 */
export function DraftEditor(props: {
  readonly draft: string;
  readonly value: string;
  readonly busy: boolean;
  readonly locked: boolean;
  readonly onChange: (text: string) => void;
  readonly onSubmit: () => void;
}) {
  const changed = props.value !== props.draft;
  const diff = wordDiff(props.draft, props.value);
  const textarea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textarea.current?.focus(), []);
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
      <h4 id="changes-heading">Your changes</h4>
      <p class="hint" data-testid="change-summary">
        {changed
          ? `${diff.added} added, ${diff.removed} removed (words and punctuation marks).`
          : 'No changes yet: submitting accepts the draft as it is.'}
      </p>
      {changed && <DiffView parts={diff.parts} label="Changes against the draft" />}
      {!props.locked && (
        <div class="actions">
          <button type="submit" class="primary" disabled={props.busy}>
            {props.busy ? 'Sending…' : changed ? 'Submit edit' : 'Accept draft'}
          </button>
          <button type="button" disabled={props.busy || !changed} onClick={() => props.onChange(props.draft)}>
            Undo my changes
          </button>
        </div>
      )}
    </form>
  );
}
