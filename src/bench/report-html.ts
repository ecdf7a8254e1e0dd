import { provenanceBanner, type TaskBenchSummary } from './bench-summary.js';
import { formatResultRow, resultColumns } from './results-table.js';

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export interface ReportSection {
  readonly summary: TaskBenchSummary;
  /** Inline SVG of the cumulative-cost figure. */
  readonly cumulativeSvg: string;
  /** Inline SVG of the zero-edit-rate figure. */
  readonly zeroEditSvg: string;
}

/** Learners that read the hidden preference: references, never "best". */
const referenceLearners = new Set(['oracle']);

/** The learner with the lowest mean cumulative cost, references excluded (undefined when none). */
export function bestLearner(summary: TaskBenchSummary): string | undefined {
  const candidates = summary.learners.filter((learner) => !referenceLearners.has(learner.learner));
  const best = candidates.reduce<(typeof candidates)[number] | undefined>(
    (winner, learner) =>
      winner === undefined || learner.cumulativeCost.mean < winner.cumulativeCost.mean ? learner : winner,
    undefined,
  );
  return best?.learner;
}

/** What each column means (the paper's metrics), shown once above the tables. */
const metricDefinitions: readonly [string, string][] = [
  [
    'cumulative cost',
    'the word-level Levenshtein distance between each draft and the simulated user’s edit, summed over all rounds. Lower is better.',
  ],
  [
    'regret ratio',
    '(cost − oracle’s cost) / (no-learning’s cost − oracle’s cost): 0 matches the oracle, which drafts with the true preference; 1 is no better than not learning. Lower is better.',
  ],
  [
    'accuracy',
    'the share of rounds whose preference, matched to the closest of the task’s true preferences (by the similarity named in the settings), is the round’s true one; a round drafted with no preference counts as a miss. Higher is better.',
  ],
  [
    'expense',
    'tokens the agent’s model read and wrote (drafting, inferring and aggregating preferences), in units of 100,000. Lower is better.',
  ],
  [
    'zero-edit rate',
    'the share of rounds whose draft the simulated user accepted without any edit. Higher is better.',
  ],
];

function renderDefinitions(): string {
  const items = metricDefinitions.map(
    ([name, meaning]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(meaning)}</dd>`,
  );
  return `<details class="definitions" open><summary>What the numbers mean</summary><dl>${items.join('')}</dl></details>`;
}

function renderTable(summary: TaskBenchSummary): string {
  const head = resultColumns.map((column) => `<th>${escapeHtml(column)}</th>`).join('');
  const best = bestLearner(summary);
  const rows = summary.learners
    .map(
      (learner) =>
        `<tr${learner.learner === best ? ' class="best"' : ''}>${formatResultRow(learner)
          .map((cell) => `<td>${escapeHtml(cell)}</td>`)
          .join('')}</tr>`,
    )
    .join('\n');
  const caption = `Lower is better for cumulative cost, regret ratio and expense; higher is better for accuracy and zero-edit rate.${
    best
      ? ` Highlighted: ${escapeHtml(best)}, the lowest cumulative cost (oracle excluded: it drafts with the true preference).`
      : ''
  }`;
  return `<table><caption>${caption}</caption><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function renderSettings(summary: TaskBenchSummary): string {
  const settings: [string, string][] = [
    ['task', summary.task],
    ['rounds', String(summary.rounds)],
    ['seeds', summary.seeds.join(', ')],
    ['preferences', summary.preferences],
    ['corpus', summary.corpus],
    ['writer', summary.provenance.writer],
    ['simulated user', summary.provenance.reviewer],
    ['embedder', summary.provenance.embedder],
    ...(summary.provenance.imperfection === undefined
      ? []
      : [['writer imperfection', summary.provenance.imperfection] satisfies [string, string]]),
    ['accuracy similarity', summary.accuracySimilarity],
    ...(summary.fixedPreference === undefined
      ? []
      : [["fixed learner's text", summary.fixedPreference] satisfies [string, string]]),
  ];
  const incomplete = summary.incomplete.map(
    (run) => `${run.learner} seed ${run.seed}: stopped after ${run.roundsDone} rounds`,
  );
  const items = settings.map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd>`);
  const warning = incomplete.length
    ? `<p class="warn">Incomplete runs (excluded from the table): ${escapeHtml(incomplete.join('; '))}</p>`
    : '';
  return `<dl>${items.join('')}</dl>${warning}`;
}

/**
 * A self-contained HTML report (no script, no external resource): the banner saying where the numbers
 * come from, then per task the table, the settings and the paper's two figures as inline SVG.
 */
export function renderReportHtml(sections: readonly ReportSection[], generatedBy: string): string {
  const first = sections[0];
  const banner = first ? provenanceBanner(first.summary.provenance) : '';
  const offline = first?.summary.provenance.offline ?? true;
  const body = sections
    .map(
      (section) => `<section>
<h2>${escapeHtml(section.summary.task)}</h2>
${renderTable(section.summary)}
${renderSettings(section.summary)}
<div class="figures"><figure>${section.cumulativeSvg}</figure><figure>${section.zeroEditSvg}</figure></div>
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tailor bench report</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; max-width: 1180px; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; }
.banner { padding: .75rem 1rem; border-radius: 6px; background: ${offline ? '#fff4d6' : '#e3f4e8'}; border: 1px solid ${offline ? '#e0b83c' : '#5aa86d'}; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #ccc; padding: .3rem .6rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
caption { caption-side: top; text-align: left; font-size: 13px; color: #444; padding-bottom: .3rem; }
tr.best td { background: #e3f4e8; font-weight: 600; }
.definitions { margin: 1rem 0; }
.definitions summary { cursor: pointer; font-weight: 600; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; font-size: 13px; }
dt { color: #555; }
.figures { display: flex; flex-wrap: wrap; gap: 1rem; }
figure { margin: 0; }
figure svg { max-width: 100%; height: auto; }
.warn { color: #9a3a00; }
footer { margin-top: 2rem; font-size: 12px; color: #666; }
</style>
</head>
<body>
<h1>Tailor bench report</h1>
<p class="banner">${escapeHtml(banner)}</p>
${renderDefinitions()}
${body}
<footer>Generated by ${escapeHtml(generatedBy)}.</footer>
</body>
</html>
`;
}
