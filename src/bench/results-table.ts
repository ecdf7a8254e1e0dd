import Table from 'cli-table3';
import type { MeanStd } from '../core/index.js';
import type { LearnerSummary, TaskBenchSummary } from './bench-summary.js';

/** Column headers of the results table (terminal, CSV and HTML share them). */
export const resultColumns = [
  'learner',
  'cumulative cost',
  'regret ratio',
  'accuracy',
  'expense (×10^5 tokens)',
  'zero-edit rate',
] as const;

function meanStd(value: MeanStd, digits: number, scale = 1): string {
  const mean = (value.mean * scale).toFixed(digits);
  return value.std === 0 ? mean : `${mean} ± ${(value.std * scale).toFixed(digits)}`;
}

/** One learner's row, formatted for people (the JSON keeps full precision). */
export function formatResultRow(learner: LearnerSummary): string[] {
  return [
    learner.learner,
    meanStd(learner.cumulativeCost, 0),
    learner.regretRatio === null ? '–' : learner.regretRatio.toFixed(2),
    learner.accuracy === null ? '–' : meanStd(learner.accuracy, 2),
    learner.expenseTokens === null ? 'n/a' : meanStd(learner.expenseTokens, 2, 1e-5),
    meanStd(learner.zeroEditRate, 2),
  ];
}

/** The terminal table of one task. */
export function renderResultsTable(summary: TaskBenchSummary): string {
  const table = new Table({ head: [...resultColumns], style: { head: [], border: [], compact: true } });
  for (const learner of summary.learners) table.push(formatResultRow(learner));
  return table.toString();
}

/** The same table as GitHub-flavoured Markdown (for the README). */
export function renderResultsMarkdown(summary: TaskBenchSummary): string {
  const lines = [`| ${resultColumns.join(' | ')} |`, `|${resultColumns.map(() => '---').join('|')}|`];
  for (const learner of summary.learners) lines.push(`| ${formatResultRow(learner).join(' | ')} |`);
  return lines.join('\n');
}

/** Lines under a table: agent cost in dollars (with a price table) and warnings, when there are any. */
export function renderFootnotes(summary: TaskBenchSummary): string {
  const lines: string[] = [];
  const chats = summary.learners.filter((learner) => learner.followUpsPerConversation !== undefined);
  if (chats.length > 0) {
    lines.push(
      `corrective follow-ups per conversation: ${chats
        .map((learner) => `${learner.learner} ${meanStd(learner.followUpsPerConversation!, 2)}`)
        .join(', ')}`,
    );
  }
  if (summary.fixedPreference !== undefined)
    lines.push(`fixed wrote every draft with: "${summary.fixedPreference}"`);
  const { drift } = summary;
  if (drift !== undefined) {
    const after = summary.learners.map((learner) => {
      const curve = learner.cumulativeCurve;
      const cost = (curve[curve.length - 1] ?? 0) - (drift >= 2 ? (curve[drift - 2] ?? 0) : 0);
      return `${learner.learner} ${Math.round(cost)}`;
    });
    lines.push(`Drift from round ${drift}: cost of rounds ${drift}–${summary.rounds}: ${after.join(', ')}`);
  }
  const cipher = summary.learners.find((learner) => learner.learner === 'cipher-5');
  for (const ours of summary.learners.filter((learner) => learner.learner.startsWith('refine-verify-'))) {
    if (cipher === undefined || cipher.expenseTokens === null || ours.expenseTokens === null) break;
    const expense = ours.expenseTokens.mean / Math.max(1, cipher.expenseTokens.mean);
    const regret =
      ours.regretRatio !== null && cipher.regretRatio !== null && cipher.regretRatio > 0
        ? `, regret ${(ours.regretRatio / cipher.regretRatio).toFixed(2)}×`
        : '';
    lines.push(`${ours.learner} against cipher-5: expense ${expense.toFixed(2)}×${regret}`);
  }
  const priced = summary.learners.filter((learner) => learner.dollars !== null);
  if (priced.length > 0) {
    const costs = priced.map((learner) => `${learner.learner} $${learner.dollars?.mean.toFixed(4)}`);
    lines.push(`Agent cost per run (price table): ${costs.join(', ')}`);
  }
  const unmeasured = summary.learners.filter((learner) => (learner.callsWithoutUsage ?? 0) > 0);
  if (unmeasured.length > 0) {
    const counts = unmeasured.map((learner) => `${learner.learner} ${learner.callsWithoutUsage}`);
    lines.push(
      `Expense n/a: the provider reported no token usage for some agent calls: ${counts.join(', ')}`,
    );
  }
  const embedding = summary.learners.filter((learner) => learner.embeddingTokens);
  if (embedding.length > 0) {
    const counts = embedding.map(
      (learner) => `${learner.learner} ${Math.round(learner.embeddingTokens?.mean ?? 0)}`,
    );
    lines.push(`Embedding tokens per run (not part of the expense): ${counts.join(', ')}`);
  }
  for (const warning of summary.modelWarnings ?? []) lines.push(warning);
  const failing = summary.learners.filter((learner) => (learner.failedRounds ?? 0) > 0);
  if (failing.length > 0) {
    const counts = failing.map((learner) => `${learner.learner} ${learner.failedRounds}`);
    lines.push(`Failed rounds (unusable model answers; no cost counted): ${counts.join(', ')}`);
  }
  if ((summary.retries ?? 0) > 0) lines.push(`Model calls retried: ${summary.retries}`);
  const warned = summary.learners.filter((learner) => learner.warnings > 0);
  if (warned.length > 0) {
    const counts = warned.map((learner) => `${learner.learner} ${learner.warnings}`);
    lines.push(`Warnings (see the rounds/ logs): ${counts.join(', ')}`);
  }
  return lines.map((line) => `${line}\n`).join('');
}
