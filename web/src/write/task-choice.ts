import type { ApiTask } from '../api/types.js';

/** What the person picked in the task form (custom fields kept even when another kind is chosen). */
export interface TaskChoice {
  readonly kind: 'summarization' | 'email' | 'custom';
  readonly name: string;
  readonly instruction: string;
}

/** The starting choice: a summary. */
export const initialTaskChoice: TaskChoice = { kind: 'summarization', name: '', instruction: '' };

/**
 * The API task for a choice, or a message saying what is missing (a custom task needs a name and an
 * instruction).
 */
export function toApiTask(choice: TaskChoice): { task: ApiTask } | { problem: string } {
  if (choice.kind !== 'custom') return { task: choice.kind };
  const name = choice.name.trim();
  const instruction = choice.instruction.trim();
  if (!name) return { problem: 'Give the custom task a short name (for example "linkedin-post").' };
  if (!instruction)
    return { problem: 'Write the instruction for the custom task (what to write from the context).' };
  return { task: { name, instruction } };
}

/** The samples shown for a choice: a custom task may start from either corpus. */
export function sampleTasksFor(choice: TaskChoice): ('summarization' | 'email')[] {
  return choice.kind === 'custom' ? ['summarization', 'email'] : [choice.kind];
}
