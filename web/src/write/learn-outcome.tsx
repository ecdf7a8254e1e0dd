import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import type { LearnedPreference, LearnResult } from '../api/types.js';
import { StatusMessage } from '../shared/status-message.js';
import { useAction } from '../shared/use-action.js';

/**
 * What Tailor did with the edit, shown where the submit button was (in the sticky bar under the
 * editor): its cost, and a chip "Learned: … · Edit · Undo" for the preference stored from this
 * draft. Undo deletes it; Edit rewords it. Its heading takes the keyboard focus when it appears.
 */
export function LearnOutcome(props: {
  readonly client: ApiClient;
  readonly user: string;
  readonly result: LearnResult;
  readonly onNext: () => void;
}) {
  const { client, user, result } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const [learned, setLearned] = useState<LearnedPreference[]>();
  const [state, setState] = useState<'shown' | 'editing' | 'undone'>('shown');
  const [wording, setWording] = useState('');
  const { busy, error, run } = useAction();
  useEffect(() => heading.current?.focus(), []);

  useEffect(() => {
    if (result.status !== 'learned') return;
    let cancelled = false;
    // NOTE: the learn answer names the preference but not its entry; the entry is the one whose
    // interaction is this draft's.
    client
      .preferences(user)
      .then((list) => {
        if (!cancelled) setLearned(list.filter((entry) => entry.interactionId === result.interactionId));
      })
      .catch(() => {
        if (!cancelled) setLearned([]);
      });
    return () => {
      cancelled = true;
    };
  }, [client, user, result.interactionId, result.status]);

  const undo = () =>
    run(async () => {
      for (const entry of learned ?? []) await client.deletePreference(user, entry.id);
      setState('undone');
    });
  const save = () =>
    run(async () => {
      const text = wording.trim();
      if (!text) throw new Error('the preference cannot be empty; use Undo to drop it.');
      const updated: LearnedPreference[] = [];
      for (const entry of learned ?? []) {
        updated.push(await client.updatePreference(user, entry.id, { preference: text }));
      }
      setLearned(updated);
      setState('shown');
    });

  const entry = learned?.[0];
  const label = entry?.origin === 'kept' ? 'Kept' : 'Learned';
  return (
    <section class="outcome" aria-labelledby="outcome-heading" data-testid="learn-outcome">
      <div class="outcome-head">
        <h3 id="outcome-heading" ref={heading} tabIndex={-1}>
          {result.accepted ? 'Draft accepted' : 'Edit received'}
        </h3>
        <span class="hint">
          edit cost <strong data-testid="edit-cost">{result.cost}</strong>{' '}
          {result.cost === 1 ? 'word edit' : 'word edits'}
        </span>
        <button type="button" class="primary next" onClick={props.onNext}>
          Next draft
        </button>
      </div>
      {result.status === 'pending' ? (
        <p>
          Your edit is saved. Learning from it did not finish (the model may be unavailable); Tailor retries
          later and the preference will then appear under “What Tailor learned”.
        </p>
      ) : state === 'undone' ? (
        <p role="status" data-testid="learned-chip">
          Undone: Tailor will not use <q class="preference">{entry?.preference}</q>.
        </p>
      ) : entry && state === 'editing' ? (
        <form
          class="chip-edit"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label>
            Preference Tailor learned
            <input
              name="learned-wording"
              value={wording}
              onInput={(event) => setWording(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') setState('shown');
              }}
            />
          </label>
          <button type="submit" class="primary" disabled={busy}>
            Save
          </button>
          <button type="button" onClick={() => setState('shown')}>
            Cancel
          </button>
        </form>
      ) : entry ? (
        <p class="chip" data-testid="learned-chip">
          <span>
            {label}:{' '}
            <q class="preference" data-testid="inferred-preference">
              {entry.preference}
            </q>
          </span>
          <button
            type="button"
            class="link"
            disabled={busy}
            aria-label={`Edit the preference “${entry.preference}”`}
            onClick={() => {
              setWording(entry.preference);
              setState('editing');
            }}
          >
            Edit
          </button>
          <button
            type="button"
            class="link"
            disabled={busy}
            aria-label={`Undo: forget “${entry.preference}”`}
            onClick={() => void undo()}
          >
            Undo
          </button>
        </p>
      ) : result.inferredPreference ? (
        <p class="chip" data-testid="learned-chip">
          Learned:{' '}
          <q class="preference" data-testid="inferred-preference">
            {result.inferredPreference}
          </q>
        </p>
      ) : result.accepted ? (
        <p>Nothing new to learn: the draft was right as it was.</p>
      ) : (
        <p>Tailor did not infer a new preference from this edit.</p>
      )}
      <StatusMessage kind="error">{error}</StatusMessage>
    </section>
  );
}
