export * from './prompt.js';
export * from './task-prompts.js';
export * from './user-prompts.js';
export * from './check-preference-prompt.js';
export * from './follow-up-prompt.js';
export * from './delimited.js';
