import type { Reviewer, ReviewResult, TokenUsage } from '../spec/index.js';
import { noUsage } from '../spec/index.js';

export type ReviewOptions = Parameters<Reviewer['review']>[0];

/**
 * What the scripted user answers: the user's version of the output (equal to the output, or `null`,
 * means accept). A list is consumed one entry per call (an error once exhausted); a function sees the
 * call's options and its 0-based index.
 */
export type ReviewScript =
  | readonly (string | null)[]
  | ((options: ReviewOptions, callIndex: number) => string | null | Promise<string | null>);

/**
 * A `Reviewer` test double: answers from a script and records every call.
 *
 * @example
 * const reviewer = new ScriptedReviewer((options) => `${options.output} Thanks!`);
 * const accepting = ScriptedReviewer.accepting();
 */
export class ScriptedReviewer implements Reviewer {
  /** Options of every call, in order. */
  readonly calls: ReviewOptions[] = [];
  private readonly script: ReviewScript;
  private readonly usage: TokenUsage;

  constructor(script: ReviewScript, options: { readonly usage?: TokenUsage } = {}) {
    this.script = script;
    this.usage = options.usage ?? noUsage;
  }

  /** A user who accepts every output. */
  static accepting(): ScriptedReviewer {
    return new ScriptedReviewer(() => null);
  }

  async review(options: ReviewOptions): Promise<ReviewResult> {
    const index = this.calls.length;
    this.calls.push(options);
    let edited: string | null | undefined;
    if (typeof this.script === 'function') {
      edited = await this.script(options, index);
    } else {
      if (index >= this.script.length) {
        throw new Error(
          `ScriptedReviewer was called ${index + 1} times but only ${this.script.length} reviews were scripted`,
        );
      }
      edited = this.script[index];
    }
    const accepted = edited === null || edited === undefined || edited === options.output;
    return { accepted, edited: accepted ? options.output : (edited as string), usage: this.usage };
  }
}
