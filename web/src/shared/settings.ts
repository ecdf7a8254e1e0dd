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
 * Read the settings at page load: a key in the fragment wins and is remembered; otherwise the
 * remembered key (empty when none). The user id defaults to `me`.
 */
export function loadSettings(options: { fragment: string; storage: SettingsStorage }): {
  apiKey: string;
  user: string;
  keyFromUrl: boolean;
} {
  const fromUrl = keyFromFragment(options.fragment);
  if (fromUrl) options.storage.setItem(storageKeys.apiKey, fromUrl);
  return {
    apiKey: fromUrl ?? options.storage.getItem(storageKeys.apiKey) ?? '',
    user: options.storage.getItem(storageKeys.user)?.trim() || defaultUser,
    keyFromUrl: fromUrl !== undefined,
  };
}
