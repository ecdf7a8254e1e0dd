import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import type { LearnedPreference } from '../api/types.js';
import { contextTitle } from '../shared/context-title.js';
import { DiffView } from '../shared/diff-view.js';
import { localDate } from '../shared/local-date.js';
import { StatusMessage } from '../shared/status-message.js';
import { useAction } from '../shared/use-action.js';
import { wordDiff } from '../shared/word-diff.js';
import type { PreferenceGroup } from './merge-preferences.js';

const originText: Record<LearnedPreference['origin'], string> = {
  inferred: 'inferred from your edit',
  kept: 'kept: you accepted a draft written with it',
  user: 'written by you',
  'follow-up': 'asked for in a chat reply',
};

/** "2 pieces of evidence: 1 edit, 1 accepted draft". */
function evidenceSummary(entries: readonly LearnedPreference[]): string {
  const count = (origin: LearnedPreference['origin']) =>
    entries.filter((entry) => entry.origin === origin).length;
  const parts = [
    [count('inferred'), 'edit', 'edits'],
    [count('kept'), 'accepted draft', 'accepted drafts'],
    [count('user'), 'written by you', 'written by you'],
    [count('follow-up'), 'chat request', 'chat requests'],
  ] as const;
  const described = parts
    .filter(([number]) => number > 0)
    .map(([number, one, many]) =>
      one === 'written by you' ? one : `${number} ${number === 1 ? one : many}`,
    );
  const total = entries.length;
  return `${total} ${total === 1 ? 'piece' : 'pieces'} of evidence: ${described.join(', ')}`;
}

/**
 * One learned preference, merged over every entry with the same text: its wording, how much evidence
 * backs it and where each piece came from (the text it was learned on, by title, and the local date,
 * with the edit), and actions to reword, pin or unpin, and delete it (after a confirmation). Actions
 * apply to every entry of the group.
 */
export function PreferenceCard(props: {
  readonly client: ApiClient;
  readonly user: string;
  readonly group: PreferenceGroup;
  readonly onUpdated: (preferences: readonly LearnedPreference[]) => void;
  readonly onDeleted: (ids: readonly string[]) => void;
}) {
  const { client, user, group } = props;
  const [editing, setEditing] = useState(false);
  const [wording, setWording] = useState(group.preference);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const { busy, error, run } = useAction();

  const updateAll = async (change: { preference?: string; pinned?: boolean }) => {
    const updated: LearnedPreference[] = [];
    for (const entry of group.entries) updated.push(await client.updatePreference(user, entry.id, change));
    props.onUpdated(updated);
  };

  const save = () =>
    run(async () => {
      const text = wording.trim();
      if (!text) throw new Error('the preference cannot be empty; delete it instead.');
      await updateAll({ preference: text });
      setEditing(false);
    });
  const togglePin = () => run(() => updateAll({ pinned: !group.pinned }));
  const remove = () =>
    run(async () => {
      for (const entry of group.entries) await client.deletePreference(user, entry.id);
      props.onDeleted(group.entries.map((entry) => entry.id));
    });

  const first = group.entries[0]!;
  const several = group.entries.length > 1;
  return (
    <li class="preference-card" data-testid="preference-card" data-preference-id={first.id}>
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
          <q class="preference">{group.preference}</q>
        </p>
      )}
      <p class="provenance">
        {group.pinned && <span class="badge badge-pinned">pinned</span>}
        <span data-testid="evidence">{evidenceSummary(group.entries)}</span>
      </p>
      <ul class="sources" aria-label="Where it came from">
        {group.entries.map((entry) => {
          const reworded = entry.updatedAt !== entry.createdAt;
          return (
            <li key={entry.id}>
              <span class={`badge badge-${entry.origin}`}>{originText[entry.origin]}</span>
              {entry.origin !== 'user' && (
                <span class="source-title">“{contextTitle(entry.contextPreview, 9, 'a text')}”</span>
              )}{' '}
              <span class="hint">
                {localDate(entry.createdAt)}
                {reworded ? `, reworded ${localDate(entry.updatedAt)}` : ''}
              </span>
              {entry.pair && (
                <details>
                  <summary>The edit it came from</summary>
                  <DiffView parts={wordDiff(entry.pair.original, entry.pair.edited).parts} label="The edit" />
                </details>
              )}
            </li>
          );
        })}
      </ul>
      <StatusMessage kind="error">{error}</StatusMessage>
      {!editing && (
        <div class="actions">
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              setWording(group.preference);
              setEditing(true);
            }}
          >
            Edit wording
          </button>
          <button type="button" disabled={busy} aria-pressed={group.pinned} onClick={() => void togglePin()}>
            {group.pinned ? 'Unpin' : 'Pin'}
          </button>
          {confirmingDelete ? (
            <>
              <button type="button" class="danger" disabled={busy} onClick={() => void remove()}>
                {several ? `Confirm: delete all ${group.entries.length}` : 'Confirm delete'}
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
