/** Where the page keeps its settings in the browser. */
export const storageKeys = { apiKey: 'tailor.apiKey', user: 'tailor.user' } as const;

/** The user id used until the person picks another. */
export const defaultUser = 'me';

/** The part of `Storage` the settings use (so tests can pass a Map-backed one). */
export type SettingsStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The API key carried by a URL fragment such as `#key=abc` (what `npm start` prints), or undefined.
 * Other fragment parameters are ignored.
 */
export function keyFromFragment(fragment: string): string | undefined {
  const parameters = new URLSearchParams(fragment.replace(/^#/, ''));
  const key = parameters.get('key')?.trim();
  return key ? key : undefined;
}

/**
 * A user token carried by a URL fragment (`#token=tailor_ut_...`, minted by the tenant's app with
 * `POST /v1/users/{user}/tokens`) and the user it is for, or undefined. The user is read from the
 * token's payload (the server checks its signature).
 */
export function tokenFromFragment(fragment: string): { token: string; user: string } | undefined {
  const token = new URLSearchParams(fragment.replace(/^#/, '')).get('token')?.trim();
  if (!token?.startsWith('tailor_ut_')) return undefined;
  try {
    const payload = token.slice('tailor_ut_'.length).split('.')[0] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const user = (
      JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as {
        u?: unknown;
      }
    ).u;
    return typeof user === 'string' && user !== '' ? { token, user } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Read the settings at page load: a user token in the fragment signs the page in as its user (not
 * remembered: the app that links here mints a new one); otherwise a key in the fragment wins and is
 * remembered; otherwise the remembered key (empty when none). The user id defaults to `me`.
 */
export function loadSettings(options: { fragment: string; storage: SettingsStorage }): {
  apiKey: string;
  user: string;
  keyFromUrl: boolean;
  /** Set when a user token signed the page in: the only user it may show. */
  signedInAs?: string;
} {
  const signedIn = tokenFromFragment(options.fragment);
  if (signedIn !== undefined) {
    return { apiKey: signedIn.token, user: signedIn.user, keyFromUrl: true, signedInAs: signedIn.user };
  }
  const fromUrl = keyFromFragment(options.fragment);
  if (fromUrl) options.storage.setItem(storageKeys.apiKey, fromUrl);
  return {
    apiKey: fromUrl ?? options.storage.getItem(storageKeys.apiKey) ?? '',
    user: options.storage.getItem(storageKeys.user)?.trim() || defaultUser,
    keyFromUrl: fromUrl !== undefined,
  };
}
