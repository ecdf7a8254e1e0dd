import { wordEditDistance } from '../core/metrics/word-edit-distance.js';
import { wordTokenize } from '../core/metrics/word-tokenize.js';
import { generatePrompt } from '../prompts/index.js';
import type { Interaction } from '../spec/index.js';
import { taskKey } from '../spec/index.js';

/** One preference pair, ready for preference tuning (DPO-style: prompt, chosen, rejected). */
export interface ExportedPair {
  readonly interactionId: string;
  readonly task: string;
  /** The task prompt with the context, as the writer is asked without a preference. */
  readonly prompt: string;
  /** The user's version. */
  readonly chosen: string;
  /** The draft the user edited. */
  readonly rejected: string;
  /** The preference inferred from the edit, when learning has happened. */
  readonly rationale: string | null;
  /** Word edit distance over the longer text's word count, in (0, 1]: how much the user changed. */
  readonly strength: number;
  readonly createdAt: string;
}

/**
 * The edited interactions as preference pairs, oldest first. Accepted drafts (no change) and drafts
 * not answered yet are left out: they carry no preference signal.
 */
export function exportPairs(interactions: readonly Interaction[]): ExportedPair[] {
  return interactions.flatMap((interaction) => {
    const { edited, output } = interaction;
    if (edited === null || edited === output) return [];
    const cost = interaction.cost ?? wordEditDistance(output, edited);
    const longest = Math.max(wordTokenize(output).length, wordTokenize(edited).length, 1);
    const context = {
      id: interaction.contextId ?? interaction.id,
      source: 'service',
      text: interaction.contextText,
    };
    return [
      {
        interactionId: interaction.id,
        task: taskKey(interaction.task),
        prompt: generatePrompt(interaction.task, context).user,
        chosen: edited,
        rejected: output,
        rationale: interaction.preferenceInferred,
        strength: Math.min(1, cost / longest),
        createdAt: interaction.createdAt,
      },
    ];
  });
}

/** JSON Lines: one object per line, each line ending with a newline. */
export function toJsonLines(records: readonly unknown[]): string {
  return records.map((record) => `${JSON.stringify(record)}\n`).join('');
}
