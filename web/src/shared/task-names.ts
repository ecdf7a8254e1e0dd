/** A readable name for a task key (`summarization`, `email`, `custom:<name>`). */
export function taskLabel(taskKey: string): string {
  if (taskKey === 'summarization') return 'Summaries';
  if (taskKey === 'email') return 'Emails';
  if (taskKey.startsWith('custom:')) return `Custom: ${taskKey.slice('custom:'.length)}`;
  return taskKey;
}

/** A short preview of a text: its first `length` characters on one line, with an ellipsis when cut. */
export function preview(text: string, length = 90): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= length ? oneLine : `${oneLine.slice(0, length - 1).trimEnd()}…`;
}
