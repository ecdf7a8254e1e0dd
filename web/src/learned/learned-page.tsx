import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import { describeApiError } from '../api/api-error.js';
import type { LearnedPreference } from '../api/types.js';
import { defaultUser } from '../shared/settings.js';
import { StatusMessage } from '../shared/status-message.js';
import { taskLabel } from '../shared/task-names.js';
import { AddPreferenceForm } from './add-preference-form.js';
import { mergePreferences } from './merge-preferences.js';
import { ComponentEvidenceList } from './component-evidence-list.js';
import { PreferenceCard } from './preference-card.js';

const builtInOrder = ['summarization', 'email'];

/** Task keys in display order: the built-in tasks first, then custom ones by name. */
function orderTasks(keys: Iterable<string>): string[] {
  return [...new Set(keys)].sort((left, right) => {
    const leftRank = builtInOrder.indexOf(left);
    const rightRank = builtInOrder.indexOf(right);
    if (leftRank !== rightRank)
      return (leftRank === -1 ? 99 : leftRank) - (rightRank === -1 ? 99 : rightRank);
    return left.localeCompare(right);
  });
}

/**
 * What Tailor learned about the user, grouped by task, newest first; identical texts are one card with
 * their evidence and sources; plus a form to add one. Changes apply from the next draft on.
 */
export function LearnedPage(props: { readonly client: ApiClient; readonly user: string }) {
  const { client, user } = props;
  const [preferences, setPreferences] = useState<LearnedPreference[]>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    client
      .preferences(user)
      .then((list) => {
        if (!cancelled) setPreferences(list);
      })
      .catch((caught: unknown) => {
        if (!cancelled) setError(describeApiError(caught));
      });
    return () => {
      cancelled = true;
    };
  }, [client, user]);

  const tasks = orderTasks((preferences ?? []).map((preference) => preference.task));
  const groups = mergePreferences(preferences ?? []);
  const replace = (updated: readonly LearnedPreference[]) => {
    const byId = new Map(updated.map((entry) => [entry.id, entry]));
    setPreferences((list) => list?.map((entry) => byId.get(entry.id) ?? entry));
    setNotice('Saved. The next draft uses the new version.');
  };

  return (
    <section class="learned-page" aria-labelledby="learned-heading">
      <h2 id="learned-heading">What Tailor learned{user === defaultUser ? '' : ` about ${user}`}</h2>
      <p class="hint">
        These preferences steer your drafts: for each new context Tailor uses the ones learned on the most
        similar past contexts, plus every pinned preference and every one you wrote, for every draft of that
        task. Reword, pin or delete any of them (rewording also pins it); changes apply from the next draft.
      </p>
      <StatusMessage kind="error">{error}</StatusMessage>
      <StatusMessage kind="success">{notice}</StatusMessage>
      {preferences === undefined && !error && <p>Loading…</p>}
      {preferences?.length === 0 && (
        <p data-testid="learned-empty">
          Nothing learned yet. Go to Write, get a draft and edit it into what you would send: Tailor learns a
          preference from each edit. Or add one below.
        </p>
      )}
      {tasks.map((task) => (
        <section key={task} class="task-group" aria-labelledby={`group-${task}`}>
          <h3 id={`group-${task}`}>{taskLabel(task)}</h3>
          <ul class="preference-list">
            {groups
              .filter((group) => group.task === task)
              .map((group) => (
                <PreferenceCard
                  key={group.key}
                  client={client}
                  user={user}
                  group={group}
                  onUpdated={replace}
                  onDeleted={(ids) => {
                    setPreferences((list) => list?.filter((entry) => !ids.includes(entry.id)));
                    setNotice('Deleted. Tailor no longer uses it.');
                  }}
                />
              ))}
          </ul>
          <ComponentEvidenceList client={client} user={user} task={task} />
        </section>
      ))}
      <AddPreferenceForm
        client={client}
        user={user}
        customTasks={tasks
          .filter((task) => task.startsWith('custom:'))
          .map((task) => task.slice('custom:'.length))}
        onAdded={(added) => {
          setPreferences((list) => [...(list ?? []), added]);
          setNotice('Added. The next draft for this task can use it.');
        }}
      />
    </section>
  );
}
