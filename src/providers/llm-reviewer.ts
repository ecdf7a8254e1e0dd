import { userEditPrompt, userJudgePrompt } from '../prompts/index.js';
import {
  addUsage,
  type Context,
  type Reviewer,
  type ReviewRequest,
  type ReviewResult,
  type Task,
} from '../spec/index.js';
import { cleanAnswer } from './clean-answer.js';
import { LanguageModelCaller, type LanguageModelCallerOptions } from './language-model-caller.js';

/** The LLM-simulated user's options: the model, how to call it, and the latent preference. */
export interface LlmReviewerOptions extends LanguageModelCallerOptions {
  /** The latent preference f*(x) of a context (hidden from the agent), e.g. by its source. */
  readonly preferenceOf: (context: Context, task: Task) => string;
}

/** How the judge answered: `yes`, `no`, or neither (garbled, counted in warnings). */
export function readVerdict(answer: string): 'yes' | 'no' | 'unclear' {
  if (/\byes\b/i.test(answer)) return 'yes';
  if (/\bno\b/i.test(answer)) return 'no';
  return 'unclear';
}

/**
 * The LLM-simulated user of the paper (DESIGN.md §2): step 1 asks the model whether the output already
 * suits the latent preference (`userJudgePrompt`); any answer without the word "yes" means edit, as in
 * the authors' code, and an answer with neither yes nor no is counted in `warnings`. Step 2 asks for
 * the revision (`userEditPrompt`), which becomes the user's edit.
 *
 * NOTE: an empty revision is treated as acceptance (cost 0) with a warning, rather than as deleting
 * the whole text: a model that returns nothing has not expressed a preference. A revision equal to
 * the output is an acceptance too.
 *
 * @example
 * const user = new LlmReviewer({ model, preferenceOf: (context) => preferences[context.source]! });
 * const { accepted, edited } = await user.review({ task, context, output });
 */
export class LlmReviewer implements Reviewer {
  readonly provider: string;
  readonly modelId: string;
  private readonly caller: LanguageModelCaller;
  private readonly preferenceOf: LlmReviewerOptions['preferenceOf'];

  constructor(options: LlmReviewerOptions) {
    const { preferenceOf, ...callerOptions } = options;
    this.caller = new LanguageModelCaller(callerOptions);
    this.preferenceOf = preferenceOf;
    this.provider = this.caller.provider;
    this.modelId = this.caller.modelId;
  }

  async review(options: ReviewRequest): Promise<ReviewResult> {
    const { task, context, output, abortSignal } = options;
    const preference = this.preferenceOf(context, task);
    const judge = await this.caller.call({
      prompt: userJudgePrompt(task, context, output, preference, this.caller.protocol),
      abortSignal,
    });
    const warnings = [...judge.warnings];
    const verdict = readVerdict(judge.text);
    if (verdict === 'yes') return finish({ accepted: true, edited: output, usage: judge.usage }, warnings);
    if (verdict === 'unclear') {
      warnings.push(
        `the judge answered neither yes nor no (${JSON.stringify(judge.text.slice(0, 60))}); editing`,
      );
    }
    const edit = await this.caller.call({
      prompt: userEditPrompt(task, output, preference, this.caller.protocol),
      abortSignal,
    });
    warnings.push(...edit.warnings);
    const usage = addUsage(judge.usage, edit.usage);
    const edited = cleanAnswer(edit.text, 'text');
    if (edited === '') {
      warnings.push('the simulated user returned an empty revision; counted as acceptance');
      return finish({ accepted: true, edited: output, usage }, warnings);
    }
    return finish({ accepted: edited === output, edited, usage }, warnings);
  }
}

function finish(result: Omit<ReviewResult, 'warnings'>, warnings: readonly string[]): ReviewResult {
  return warnings.length === 0 ? result : { ...result, warnings };
}
