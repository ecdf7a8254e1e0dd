import { useState } from 'preact/hooks';
import type { ApiClient } from './api/api-client.js';
import { LearnedPage } from './learned/learned-page.js';
import { ProgressPage } from './progress/progress-page.js';
import { SettingsBar } from './shared/settings-bar.js';
import { storageKeys } from './shared/settings.js';
import { WriterBanner } from './shared/writer-banner.js';
import { WritePage } from './write/write-page.js';

type PageName = 'write' | 'learned' | 'progress';

const pages: readonly { name: PageName; title: string }[] = [
  { name: 'write', title: 'Write' },
  { name: 'learned', title: 'What Tailor learned' },
  { name: 'progress', title: 'Progress' },
];

/**
 * The page: a header (settings folded away), the writer banner, then one of three views. The Write
 * view stays mounted while hidden so a draft in progress survives switching views (and it keeps the
 * work in the browser per user); the others reload when shown.
 */
export function App(props: {
  readonly client: ApiClient;
  readonly initialKey: string;
  readonly initialUser: string;
  /** Set when the page was opened with a user token: no settings, that user only. */
  readonly signedInAs?: string;
  readonly onKeyChange: (key: string) => void;
}) {
  const [page, setPage] = useState<PageName>('write');
  const [user, setUser] = useState(props.initialUser);
  const [apiKey, setApiKey] = useState(props.initialKey);

  const changeSettings = (next: { user: string; apiKey: string }) => {
    window.localStorage.setItem(storageKeys.user, next.user);
    window.localStorage.setItem(storageKeys.apiKey, next.apiKey);
    props.onKeyChange(next.apiKey);
    setUser(next.user);
    setApiKey(next.apiKey);
  };

  return (
    <>
      <header class="top">
        <h1>Tailor</h1>
        <p class="tagline">Drafts that learn from your edits.</p>
        {props.signedInAs === undefined ? (
          <SettingsBar user={user} apiKey={apiKey} onChange={changeSettings} />
        ) : (
          <p class="signed-in" data-testid="signed-in">
            Signed in as <strong>{props.signedInAs}</strong>
          </p>
        )}
      </header>
      <WriterBanner client={props.client} />
      <nav class="tabs" aria-label="Views">
        {pages.map((entry) => (
          <button
            key={entry.name}
            type="button"
            class="tab"
            aria-current={page === entry.name ? 'page' : undefined}
            onClick={() => setPage(entry.name)}
          >
            {entry.title}
          </button>
        ))}
      </nav>
      <main>
        <div hidden={page !== 'write'}>
          <WritePage key={user} client={props.client} user={user} />
        </div>
        {page === 'learned' && <LearnedPage key={user} client={props.client} user={user} />}
        {page === 'progress' && (
          <ProgressPage key={user} client={props.client} user={user} onWrite={() => setPage('write')} />
        )}
      </main>
    </>
  );
}
