import { describe, expect, it } from 'vitest';
import { initialTaskChoice } from './task-choice.js';
import { loadWork, saveWork, workStorageKey } from './work-in-progress.js';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
}

const draft = { interactionId: 'i1', text: 'The draft.', preferenceUsed: null, neighbours: [] };

describe('work in progress', () => {
  it('keeps a draft and its edit per user until it is cleared', () => {
    const storage = memoryStorage();
    const work = {
      task: initialTaskChoice,
      context: { text: 'Notes', contextId: undefined },
      draft,
      edited: 'Mine.',
    };
    saveWork(storage, 'ada', work);
    expect(loadWork(storage, 'ada')).toEqual(work);
    expect(loadWork(storage, 'bob')).toBeUndefined();
    saveWork(storage, 'ada', { ...work, context: { text: '', contextId: undefined }, draft: undefined });
    expect(storage.map.has(workStorageKey('ada'))).toBe(false);
  });

  it('ignores what it cannot read', () => {
    const storage = memoryStorage();
    storage.setItem(workStorageKey('ada'), '{not json');
    expect(loadWork(storage, 'ada')).toBeUndefined();
    storage.setItem(workStorageKey('ada'), JSON.stringify({ task: initialTaskChoice }));
    expect(loadWork(storage, 'ada')).toBeUndefined();
  });
});
