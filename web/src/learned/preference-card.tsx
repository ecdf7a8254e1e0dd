import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import { describeApiError } from '../api/api-error.js';
import type { LearnedPreference } from '../api/types.js';
import { DiffView } from '../shared/diff-view.js';
import { StatusMessage } from '../shared/status-message.js';
import { wordDiff } from '../shared/word-diff.js';

const originText: Record<LearnedPreference['origin'], string> = {
  inferred: 'inferred from your edit',
  kept: 'kept: you accepted a draft written with it',
  user: 'written by you',
};

/** A readable local date and time for an ISO timestamp. */
function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/**
 * One learned preference: its wording, where it came from (origin, the context and the edit it was
 * learned on, when), and actions to reword, pin or unpin, and delete it (after a confirmation).
 */
export function PreferenceCard(props: {
  readonly client: ApiClient;
  readonly user: string;
  readonly preference: LearnedPreference;
  readonly onUpdated: (preference: LearnedPreference) => void;
  readonly onDeleted: (id: string) => void;
}) {
  const { client, user, preference } = props;
  const [editing, setEditing] = useState(false);
  const [wording, setWording] = useState(preference.preference);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (caught) {
      setError(describeApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(async () => {
      const text = wording.trim();
      if (!text) throw new Error('the preference cannot be empty; delete it instead.');
      props.onUpdated(await client.updatePreference(user, preference.id, { preference: text }));
      setEditing(false);
    });
  const togglePin = () =>
    run(async () =>
      props.onUpdated(await client.updatePreference(user, preference.id, { pinned: !preference.pinned })),
    );
  const remove = () =>
    run(async () => {
      await client.deletePreference(user, preference.id);
      props.onDeleted(preference.id);
    });

  const edited = preference.updatedAt !== preference.createdAt;
  return (
    <li class="preference-card" data-testid="preference-card" data-preference-id={preference.id}>
      {editing ? (
        <form
          class="reword"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label>
            Wording
            <textarea
              name="wording"
              rows={3}
              value={wording}
              onInput={(event) => setWording(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') setEditing(false);
              }}
            />
          </label>
          <div class="actions">
            <button type="submit" class="primary" disabled={busy}>
              Save wording
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <p class="preference-text">
          <q class="preference">{preference.preference}</q>
        </p>
      )}
      <p class="provenance">
        <span class={`badge badge-${preference.origin}`}>{originText[preference.origin]}</span>
        {preference.pinned && <span class="badge badge-pinned">pinned</span>}
        <span>
          {' '}
          {when(preference.createdAt)}
          {edited ? `, reworded ${when(preference.updatedAt)}` : ''}
        </span>
      </p>
      {preference.contextPreview && (
        <p class="context-preview">
          Learned on “{preference.contextPreview}”{preference.contextId ? ` (${preference.contextId})` : ''}
        </p>
      )}
      {preference.pair && (
        <details>
          <summary>The edit it came from</summary>
          <DiffView
            parts={wordDiff(preference.pair.original, preference.pair.edited).parts}
            label="The edit"
          />
        </details>
      )}
      <StatusMessage kind="error">{error}</StatusMessage>
      {!editing && (
        <div class="actions">
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              setWording(preference.preference);
              setEditing(true);
            }}
          >
            Edit wording
          </button>
          <button
            type="button"
            disabled={busy}
            aria-pressed={preference.pinned}
            onClick={() => void togglePin()}
          >
            {preference.pinned ? 'Unpin' : 'Pin'}
          </button>
          {confirmingDelete ? (
            <>
              <button type="button" class="danger" disabled={busy} onClick={() => void remove()}>
                Confirm delete
              </button>
              <button type="button" onClick={() => setConfirmingDelete(false)}>
                Keep it
              </button>
            </>
          ) : (
            <button type="button" disabled={busy} onClick={() => setConfirmingDelete(true)}>
              Delete
            </button>
          )}
        </div>
      )}
    </li>
  );
}
