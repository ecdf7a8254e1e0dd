import type { Draft } from '../api/types.js';
import type { SettingsStorage } from '../shared/settings.js';
import type { ContextValue } from './context-input.js';
import type { TaskChoice } from './task-choice.js';

/** What the Write view keeps in the browser until the edit is submitted. */
export interface WorkInProgress {
  readonly task: TaskChoice;
  readonly context: ContextValue;
  /** The draft awaiting an answer, and the person's version of it. */
  readonly draft: Draft | undefined;
  readonly edited: string;
}

/** Where a user's unsent work is kept (one entry per user id). */
export function workStorageKey(user: string): string {
  return `tailor.work.${user}`;
}

/**
 * Keep the unsent work of `user` (nothing to keep, an empty context and no draft, removes the entry).
 * Storage failures (quota, private mode) are ignored: the work is then only in the page.
 */
export function saveWork(
  storage: SettingsStorage & Pick<Storage, 'removeItem'>,
  user: string,
  work: WorkInProgress,
): void {
  try {
    if (!work.draft && work.context.text === '') storage.removeItem(workStorageKey(user));
    else storage.setItem(workStorageKey(user), JSON.stringify(work));
  } catch {
    // NOTE: best effort; the page still holds the text.
  }
}

/** The unsent work kept for `user`, or undefined when there is none or it cannot be read. */
export function loadWork(storage: SettingsStorage, user: string): WorkInProgress | undefined {
  try {
    const raw = storage.getItem(workStorageKey(user));
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<WorkInProgress>;
    if (!parsed.task || !parsed.context || typeof parsed.context.text !== 'string') return undefined;
    const draft =
      parsed.draft && typeof parsed.draft.interactionId === 'string' && typeof parsed.draft.text === 'string'
        ? parsed.draft
        : undefined;
    return {
      task: parsed.task,
      context: { text: parsed.context.text, contextId: parsed.context.contextId ?? undefined },
      draft,
      edited: draft && typeof parsed.edited === 'string' ? parsed.edited : (draft?.text ?? ''),
    };
  } catch {
    return undefined;
  }
}
