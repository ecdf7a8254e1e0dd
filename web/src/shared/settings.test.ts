import { describe, expect, it } from 'vitest';
import { keyFromFragment, loadSettings, storageKeys, tokenFromFragment } from './settings.js';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  };
}

describe('keyFromFragment', () => {
  it('reads the key parameter of the fragment', () => {
    expect(keyFromFragment('#key=tk_abc123')).toBe('tk_abc123');
    expect(keyFromFragment('#view=learned&key=tk%2Fx')).toBe('tk/x');
  });

  it('is undefined without a key', () => {
    expect(keyFromFragment('')).toBeUndefined();
    expect(keyFromFragment('#key=')).toBeUndefined();
    expect(keyFromFragment('#other=1')).toBeUndefined();
  });
});

describe('loadSettings', () => {
  it('remembers a key from the URL, replacing the stored one', () => {
    const storage = memoryStorage({ [storageKeys.apiKey]: 'old' });
    const settings = loadSettings({ fragment: '#key=new', storage });
    expect(settings).toEqual({ apiKey: 'new', user: 'me', keyFromUrl: true });
    expect(storage.values.get(storageKeys.apiKey)).toBe('new');
  });

  it('falls back to the stored key and user', () => {
    const storage = memoryStorage({ [storageKeys.apiKey]: 'kept', [storageKeys.user]: 'ana' });
    expect(loadSettings({ fragment: '', storage })).toEqual({
      apiKey: 'kept',
      user: 'ana',
      keyFromUrl: false,
    });
  });

  it('starts with no key and the user "me"', () => {
    expect(loadSettings({ fragment: '', storage: memoryStorage() })).toEqual({
      apiKey: '',
      user: 'me',
      keyFromUrl: false,
    });
  });

  it('signs in as the user of a token in the fragment, without remembering it', () => {
    const utf8 = new TextEncoder().encode(JSON.stringify({ t: 'acme', u: 'zoë', e: 2_000_000_000 }));
    const payload = btoa(String.fromCharCode(...utf8))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    const token = `tailor_ut_${payload}.signature`;
    const storage = memoryStorage({ [storageKeys.apiKey]: 'kept' });
    expect(loadSettings({ fragment: `#token=${token}`, storage })).toEqual({
      apiKey: token,
      user: 'zoë',
      keyFromUrl: true,
      signedInAs: 'zoë',
    });
    expect(storage.values.get(storageKeys.apiKey)).toBe('kept');
    expect(tokenFromFragment('#token=tailor_ut_garbage')).toBeUndefined();
    expect(tokenFromFragment('#token=abc')).toBeUndefined();
  });
});
