import type { Context, Task } from '../spec/index.js';
import { protocolPrompt, type Prompt, type PromptProtocol } from './prompt.js';
import { delimited } from './delimited.js';
import { taskNouns } from './task-prompts.js';

/** Simulated user, step 1: does the output already suit the latent preference? (yes/no) */
export function userJudgePrompt(
  task: Task,
  context: Context,
  output: string,
  preference: string,
  protocol: PromptProtocol = 'tailor',
): Prompt {
  const nouns = taskNouns(task);
  const texts = `${delimited(nouns.input, context.text)}\n\n${delimited(nouns.output, output)}\n\n`;
  return protocolPrompt(protocol, {
    paper:
      texts +
      `Is the ${nouns.output} above good for a user who prefers this style: ${preference}? Answer yes or no.`,
    tailor:
      texts +
      `You are a user who prefers this style: ${preference}\n` +
      `Does the ${nouns.output} above already follow your preferred style? Answer yes or no.`,
  });
}

/** Simulated user, step 2: revise the output to the latent preference. */
export function userEditPrompt(
  task: Task,
  output: string,
  preference: string,
  protocol: PromptProtocol = 'tailor',
): Prompt {
  const nouns = taskNouns(task);
  const draft = `${delimited(nouns.output, output)}\n\n`;
  return protocolPrompt(protocol, {
    paper:
      draft +
      `You are a user who prefers this style: ${preference}\nRevise the ${nouns.output} above to meet your style.`,
    tailor:
      draft +
      `You are a user who prefers this style: ${preference}\n` +
      `Revise the ${nouns.output} so that it follows your preferred style, changing no more than needed. ` +
      `Reply with the revised ${nouns.output} only.`,
  });
}
