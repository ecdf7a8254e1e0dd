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
   * Once aborted, no new round starts and the records so far are returned. It is also passed into
   * the round, so calls in flight are cancelled: the round that was running is dropped (not recorded),
   * and the learner's memory may hold part of its learning, so a stopped run is redone, not continued.
   */
  readonly abortSignal?: AbortSignal;
  /**
   * Decides whether an error of one round fails only that round (true: it is reported to
   * `onRoundFailed` and the run goes on) or the whole run (false, the default for every error: it is
   * thrown). E.g. a model's unusable answer after its retries.
   */
  readonly isRoundFailure?: (error: unknown) => boolean;
  /** Told about each round that failed (see `isRoundFailure`), before the next round starts. */
  readonly onRoundFailed?: (failure: RoundFailure) => void | Promise<void>;
}

/** A round that produced no record: its number, its context and why. */
export interface RoundFailure {
  readonly round: number;
  readonly contextId: string;
  readonly reason: string;
}

/**
 * Run the protocol over a sequence of contexts, one round each (round numbers from 1), and return the
 * records of the rounds played (a failed round, see `isRoundFailure`, keeps its number and has none). Every context is checked before the first round, so a bad context fails
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
    let record: RoundRecord;
    try {
      record = await runRound({
        learner: options.learner,
        reviewer: options.reviewer,
        task: options.task,
        scope: options.scope,
        context,
        round: index + 1,
        cost: options.cost,
        abortSignal: options.abortSignal,
      });
    } catch (error) {
      if (options.abortSignal?.aborted) break;
      if (!options.isRoundFailure?.(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      await options.onRoundFailed?.({ round: index + 1, contextId: context.id, reason });
      continue;
    }
    records.push(record);
    await options.onRound?.(record);
  }
  return records;
}
