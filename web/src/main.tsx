import { render } from 'preact';
import { createApiClient } from './api/api-client.js';
import { App } from './app.js';
import { loadSettings } from './shared/settings.js';

const settings = loadSettings({ fragment: window.location.hash, storage: window.localStorage });
if (settings.keyFromUrl) {
  // NOTE: the key is kept in localStorage; drop it from the address bar so it is not bookmarked or shared.
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
}
let apiKey = settings.apiKey;
const client = createApiClient({ baseUrl: window.location.href, getKey: () => apiKey });

const root = document.getElementById('app');
if (root) {
  render(
    <App
      client={client}
      initialKey={settings.apiKey}
      initialUser={settings.user}
      signedInAs={settings.signedInAs}
      onKeyChange={(key) => {
        apiKey = key;
      }}
    />,
    root,
  );
}
