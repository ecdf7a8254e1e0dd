import type { Context, MemoryScope, Task } from '../spec/index.js';

/** A context for tests: the text defaults to `text of <id>`, the source to `news`. */
export function testContext(id: string, options: { text?: string; source?: string } = {}): Context {
  return { id, source: options.source ?? 'news', text: options.text ?? `text of ${id}` };
}

/** The summarization task and a scope for it, for tests. */
export const testTask: Task = Object.freeze({ kind: 'summarization' });
export const testScope: MemoryScope = Object.freeze({ tenant: 'test', user: 'ada', task: 'summarization' });
