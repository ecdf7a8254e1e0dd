import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import { describeApiError } from '../api/api-error.js';
import type { LearnedPreference } from '../api/types.js';
import { StatusMessage } from '../shared/status-message.js';

/** The task key the preference is stored under: `summarization`, `email` or `custom:<name>`. */
function taskFor(kind: string, customName: string): string | undefined {
  if (kind === 'summarization' || kind === 'email') return kind;
  const name = customName.trim();
  return name ? `custom:${name}` : undefined;
}

/** Write a preference by hand for one task; it is stored as written by the user, pinned. */
export function AddPreferenceForm(props: {
  readonly client: ApiClient;
  readonly user: string;
  readonly customTasks: readonly string[];
  readonly onAdded: (preference: LearnedPreference) => void;
}) {
  const [kind, setKind] = useState('summarization');
  const [customName, setCustomName] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async () => {
    const task = taskFor(kind, customName);
    if (!task) return setError('Name the custom task the preference is for.');
    if (!text.trim())
      return setError('Write the preference first, for example "short sentences, no jargon".');
    setBusy(true);
    setError(undefined);
    try {
      props.onAdded(await props.client.addPreference(props.user, { task, preference: text.trim() }));
      setText('');
    } catch (caught) {
      setError(describeApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="add-preference"
      aria-labelledby="add-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id="add-heading">Add a preference</h3>
      <div class="row">
        <label>
          For
          <select name="add-task" value={kind} onChange={(event) => setKind(event.currentTarget.value)}>
            <option value="summarization">Summaries</option>
            <option value="email">Emails</option>
            <option value="custom">A custom task…</option>
          </select>
        </label>
        {kind === 'custom' && (
          <label>
            Custom task name
            <input
              name="add-task-name"
              list="custom-task-names"
              value={customName}
              onInput={(event) => setCustomName(event.currentTarget.value)}
            />
            <datalist id="custom-task-names">
              {props.customTasks.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </label>
        )}
      </div>
      <label>
        Preference
        <textarea
          name="add-preference"
          rows={2}
          value={text}
          placeholder="e.g. bullet points, brief, no jargon"
          onInput={(event) => setText(event.currentTarget.value)}
        />
      </label>
      <StatusMessage kind="error">{error}</StatusMessage>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          Add preference
        </button>
      </div>
    </form>
  );
}
