import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { TaskBenchSummary } from './bench-summary.js';

/**
 * The machine-readable results of one task: `<task>-summary.json` (full precision, byte-stable for the
 * same flags and seeds) and `<task>-summary.csv`.
 */
export async function writeSummaryFiles(directory: string, summary: TaskBenchSummary): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const jsonPath = join(directory, `${summary.task}-summary.json`);
  const csvPath = join(directory, `${summary.task}-summary.csv`);
  await writeFile(jsonPath, `${JSON.stringify(summary, null, 2)}\n`);
  const rows = summary.learners.map((learner) => ({
    task: summary.task,
    learner: learner.learner,
    seeds: learner.seeds.join(' '),
    cumulative_cost_mean: learner.cumulativeCost.mean,
    cumulative_cost_std: learner.cumulativeCost.std,
    regret_ratio: learner.regretRatio ?? '',
    accuracy_mean: learner.accuracy?.mean ?? '',
    accuracy_std: learner.accuracy?.std ?? '',
    expense_tokens_mean: learner.expenseTokens?.mean ?? '',
    expense_tokens_std: learner.expenseTokens?.std ?? '',
    zero_edit_rate_mean: learner.zeroEditRate.mean,
    zero_edit_rate_std: learner.zeroEditRate.std,
    offline_world: summary.provenance.offline,
  }));
  await writeFile(csvPath, stringify(rows, { header: true }));
  return [jsonPath, csvPath];
}
