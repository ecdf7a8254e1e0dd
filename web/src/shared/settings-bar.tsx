import { useEffect, useState } from 'preact/hooks';
import { defaultUser } from './settings.js';

/**
 * Whose preferences the page shows (user id) and the API key it sends, folded into a "Settings"
 * disclosure (open when there is no key yet). Changes apply when the form is submitted (Enter or the
 * button), and are remembered in this browser.
 */
export function SettingsBar(props: {
  readonly user: string;
  readonly apiKey: string;
  readonly onChange: (settings: { user: string; apiKey: string }) => void;
}) {
  const [user, setUser] = useState(props.user);
  const [apiKey, setApiKey] = useState(props.apiKey);
  const [saved, setSaved] = useState(false);
  useEffect(() => setUser(props.user), [props.user]);
  useEffect(() => setApiKey(props.apiKey), [props.apiKey]);

  const changed = user.trim() !== props.user || apiKey.trim() !== props.apiKey;
  return (
    <details class="settings-panel" open={!props.apiKey}>
      <summary>Settings</summary>
      <form
        class="settings"
        aria-label="Settings"
        onSubmit={(event) => {
          event.preventDefault();
          props.onChange({ user: user.trim() || defaultUser, apiKey: apiKey.trim() });
          setSaved(true);
        }}
      >
        <label>
          User
          <input
            name="user"
            value={user}
            autocomplete="username"
            spellcheck={false}
            onInput={(event) => {
              setUser(event.currentTarget.value);
              setSaved(false);
            }}
          />
        </label>
        <label>
          API key
          <input
            name="api-key"
            type="password"
            value={apiKey}
            autocomplete="off"
            placeholder="printed by npm start"
            onInput={(event) => {
              setApiKey(event.currentTarget.value);
              setSaved(false);
            }}
          />
        </label>
        <button type="submit" disabled={!changed}>
          Use
        </button>
        <span class="settings-note" role="status">
          {!props.apiKey
            ? 'No API key yet: paste the key printed by npm start.'
            : saved && !changed
              ? 'Saved.'
              : ''}
        </span>
      </form>
    </details>
  );
}
