import type { Context, EditPair, Guidance, Task } from '../spec/index.js';
import { dataNotice, delimited } from './delimited.js';
import { paperPrompt, protocolPrompt, type Prompt, type PromptProtocol } from './prompt.js';

/** What the task calls its input and output, in prompt wording. */
export function taskNouns(task: Task): {
  input: string;
  output: string;
  outputs: string;
  instruction: string;
} {
  switch (task.kind) {
    case 'summarization':
      return {
        input: 'article',
        output: 'summary',
        outputs: 'summaries',
        instruction: 'Summarize the article below.',
      };
    case 'email':
      return {
        input: 'notes',
        output: 'email',
        outputs: 'emails',
        instruction: 'Write a short email from the notes below, on behalf of their author.',
      };
    case 'custom':
      return { input: 'input', output: 'text', outputs: 'texts', instruction: task.instruction };
  }
}

/** "a summary", "an email". */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

const answerOnly = 'Reply with the text only, with no preamble or commentary.';

function renderExamples(examples: readonly EditPair[]): string {
  return examples
    .map(
      (example, index) =>
        `Example ${index + 1}\n${delimited('original', example.original)}\n${delimited('revised', example.edited)}`,
    )
    .join('\n\n');
}

/** What the task asks for in the `paper` protocol, after the input: no extra instruction. */
function paperTask(task: Task): string {
  const nouns = taskNouns(task);
  if (task.kind === 'custom') return task.instruction;
  return task.kind === 'summarization'
    ? 'Write a summary of the article above.'
    : `Write a short email from the ${nouns.input} above.`;
}

function paperGeneratePrompt(task: Task, context: Context, guidance?: Guidance): Prompt {
  const nouns = taskNouns(task);
  const body = delimited(nouns.input, context.text);
  if (guidance === undefined) return paperPrompt(`${body}\n\n${paperTask(task)}`);
  if (guidance.kind === 'preference') {
    return paperPrompt(
      `${body}\n\nThe ${nouns.output} is for a user who prefers this style: ${guidance.preference}\n` +
        `${paperTask(task)} Address that preference.`,
    );
  }
  return paperPrompt(
    `Drafts written for this user, each followed by the user's revision:\n\n${renderExamples(guidance.examples)}\n\n` +
      `${body}\n\n${paperTask(task)} Write it for this user, based on their revisions above.`,
  );
}

/**
 * The agent's drafting prompt (DESIGN.md §2 "Prompts"): the task on its own, with a preference the
 * user is known to have, or with the user's past revisions as examples (ICL-edit). `protocol` chooses
 * Tailor's wording (default) or the paper's (see `PromptProtocol`).
 */
export function generatePrompt(
  task: Task,
  context: Context,
  guidance?: Guidance,
  protocol: PromptProtocol = 'tailor',
): Prompt {
  if (protocol === 'paper') return paperGeneratePrompt(task, context, guidance);
  const nouns = taskNouns(task);
  const body = delimited(nouns.input, context.text);
  if (guidance === undefined) {
    return { user: `${nouns.instruction} ${dataNotice}\n\n${body}\n\n${answerOnly}` };
  }
  if (guidance.kind === 'preference') {
    return {
      user:
        `${nouns.instruction} ${dataNotice}\n\n${body}\n\n` +
        `This user has a preferred writing style: ${guidance.preference}\n` +
        `Write the ${nouns.output} so that it follows this preference. ${answerOnly}`,
    };
  }
  return {
    user:
      `Earlier drafts written for this user, each followed by the user's own revision. ${dataNotice}\n\n` +
      `${renderExamples(guidance.examples)}\n\n` +
      `${nouns.instruction}\n\n${body}\n\n` +
      `Write the ${nouns.output} the way this user would want it, judging from how they revised the earlier drafts. ${answerOnly}`,
  };
}

/** Ask which generic writing preference one or more (original, revised) pairs reveal. */
export function inferPreferencePrompt(
  task: Task,
  pairs: readonly EditPair[],
  protocol: PromptProtocol = 'tailor',
): Prompt {
  const nouns = taskNouns(task);
  return protocolPrompt(protocol, {
    paper:
      `Drafts of ${withArticle(nouns.output)}, each followed by a user's revision:\n\n${renderExamples(pairs)}\n\n` +
      `What generic preference about writing style and formatting do this user's revisions show? ` +
      `Answer with a short phrase, recommending only preferences that are widely used.`,
    tailor:
      `A user revised drafts of ${withArticle(nouns.output)}. Each pair shows the draft and the user's revision. ${dataNotice}\n\n` +
      `${renderExamples(pairs)}\n\n` +
      `What generic preference about writing style and formatting do the revisions show? ` +
      `Name only preferences that are widely used, as one short phrase (a few comma-separated words). ` +
      `Reply with the phrase only.`,
  });
}

/** Ask to condense several retrieved preferences into one short phrase (CIPHER-K). */
export function aggregatePreferencesPrompt(
  task: Task,
  preferences: readonly string[],
  protocol: PromptProtocol = 'tailor',
): Prompt {
  const nouns = taskNouns(task);
  const list = preferences.map((preference, index) => `${index + 1}. ${preference}`).join('\n');
  return protocolPrompt(protocol, {
    paper:
      `Preferences of a user that served well for ${nouns.outputs} of similar ${nouns.input === 'notes' ? 'notes' : `${nouns.input}s`}:\n${list}\n\n` +
      `Combine them into one short phrase with the preferences represented most often.`,
    tailor:
      `Writing preferences a user showed on ${nouns.outputs} similar to the next one:\n${list}\n\n` +
      `Combine them into one short phrase that keeps the preferences represented most often. ` +
      `Reply with the phrase only.`,
  });
}
