/**
 * What the agent is asked to write. `summarization` and `email` are the paper's two environments;
 * `custom` carries the caller's own instruction (e.g. "Write a LinkedIn post from these notes").
 */
export type Task =
  | { readonly kind: 'summarization' }
  | { readonly kind: 'email' }
  | { readonly kind: 'custom'; readonly name: string; readonly instruction: string };

/** Names of the task kinds, for validation messages. */
export const taskKinds = ['summarization', 'email', 'custom'] as const;
export type TaskKind = (typeof taskKinds)[number];

/** The key a task's memory is stored under: the kind, or the custom task's name. */
export function taskKey(task: Task): string {
  return task.kind === 'custom' ? `custom:${task.name}` : task.kind;
}
