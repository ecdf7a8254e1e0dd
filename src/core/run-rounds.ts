import type { Context, MemoryScope, Reviewer, Task } from '../spec/index.js';
import type { Learner } from './learner.js';
import type { RoundRecord } from './round-record.js';
import { type CostFunction, runRound, validateContext } from './run-round.js';

export interface RunRoundsOptions {
  readonly learner: Learner;
  readonly reviewer: Reviewer;
  readonly task: Task;
  readonly scope: MemoryScope;
  /** The contexts in the order the user brings them (see `buildSchedule`). */
  readonly contexts: readonly Context[];
  readonly cost?: CostFunction;
  /** Called after each round with its record, before the next round starts. */
  readonly onRound?: (record: RoundRecord) => void | Promise<void>;
  /**
   * Checked between rounds: once aborted, no new round starts and the records so far are returned.
   * It is not passed into a round, so a round that started completes and memory stays consistent.
   */
  readonly abortSignal?: AbortSignal;
}

/**
 * Run the protocol over a sequence of contexts, one round each (round numbers from 1), and return the
 * records of the rounds played. Every context is checked before the first round, so a bad context fails
 * the run at once rather than midway.
 *
 * @example
 * const controller = new AbortController();
 * const records = await runRounds({
 *   learner, reviewer, task, scope, contexts,
 *   onRound: (record) => console.log(record.round, record.cost),
 *   abortSignal: controller.signal,
 * });
 */
export async function runRounds(options: RunRoundsOptions): Promise<RoundRecord[]> {
  options.contexts.forEach(validateContext);
  const records: RoundRecord[] = [];
  for (const [index, context] of options.contexts.entries()) {
    if (options.abortSignal?.aborted) break;
    const record = await runRound({
      learner: options.learner,
      reviewer: options.reviewer,
      task: options.task,
      scope: options.scope,
      context,
      round: index + 1,
      cost: options.cost,
    });
    records.push(record);
    await options.onRound?.(record);
  }
  return records;
}
