import type { Task } from '../spec/index.js';
import type { Prompt } from './prompt.js';
import { dataNotice, delimited } from './delimited.js';
import { taskNouns, withArticle } from './task-prompts.js';

/**
 * Ask which preference components each text shows, as JSON: `{"shows": [[true, false, ...], ...]}`, one
 * row per text in order, one entry per component in order (null when it cannot tell).
 */
export function checkPreferencePrompt(
  task: Task,
  components: readonly string[],
  texts: readonly string[],
): Prompt {
  const nouns = taskNouns(task);
  const list = components.map((component, index) => `${index + 1}. ${component}`).join('\n');
  const samples = texts.map((text, index) => delimited(`text ${index + 1}`, text)).join('\n\n');
  return {
    system: 'You check writing against style requirements and answer with JSON only.',
    user:
      `Style requirements for ${withArticle(nouns.output)}:\n${list}\n\n${dataNotice}\n\n` +
      `${samples}\n\n` +
      `For each text, in order, say for each requirement, in order, whether the text follows it (true), ` +
      `does not (false), or you cannot tell (null). A requirement such as "no emojis" is followed when ` +
      `the text has none. Reply with JSON only: {"shows": [[...], ...]} with ${texts.length} rows of ` +
      `${components.length} values.`,
  };
}

/**
 * The check asked again after a malformed answer: the same request, the answer quoted (its first 400
 * characters) and what was wrong with it.
 *
 * NOTE: a different prompt on purpose. At temperature 0, or through a response cache, the same prompt
 * would bring back the same malformed answer.
 */
export function checkPreferenceRetryPrompt(prompt: Prompt, answer: string, problem: string): Prompt {
  const quoted = answer.length > 400 ? `${answer.slice(0, 400)}…` : answer;
  return {
    ...prompt,
    user:
      `${prompt.user}\n\nYour previous answer could not be used (${problem}):\n<answer>\n${quoted}\n</answer>\n` +
      `Answer again with the JSON object only.`,
  };
}
