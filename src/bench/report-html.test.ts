import { describe, expect, it } from 'vitest';
import type { TaskBenchSummary } from './bench-summary.js';
import { cumulativeCostSpec, renderSvg, zeroEditSpec } from './charts.js';
import { renderReportHtml } from './report-html.js';
import { defaultMissModel, describeMissModel } from '../sim/writer/miss-model.js';
import { renderResultsMarkdown, renderResultsTable } from './results-table.js';

function summary(offline: boolean): TaskBenchSummary {
  const learner = (name: string, cost: number) => ({
    learner: name,
    seeds: [0, 1],
    cumulativeCost: { mean: cost, std: 10 },
    regretRatio: name === 'cipher-5' ? 0.25 : null,
    accuracy: name === 'no-learning' ? null : { mean: 0.5, std: 0.1 },
    expenseTokens: { mean: 123_456, std: 0 },
    zeroEditRate: { mean: 0.4, std: 0.05 },
    cumulativeCurve: [cost / 2, cost],
    zeroEditBins: [0.3],
    warnings: 0,
    dollars: null,
  });
  return {
    task: 'summarization',
    rounds: 2,
    seeds: [0, 1],
    preferences: 'prelude',
    corpus: 'builtin',
    binSize: 20,
    accuracySimilarity: 'unigram F1',
    provenance: {
      offline,
      writer: 'sim',
      reviewer: 'sim',
      embedder: 'lexical',
      ...(offline ? { imperfection: describeMissModel() } : {}),
    },
    learners: [learner('cipher-5', 100), learner('no-<learning>', 300)],
    incomplete: [{ learner: 'oracle', seed: 1, roundsDone: 1 }],
  };
}

describe('bench report', () => {
  it('formats mean ± std, expense in units of 10^5 tokens, and dashes for missing values', () => {
    const table = renderResultsTable(summary(true));
    expect(table).toContain('100 ± 10');
    expect(table).toContain('1.23');
    expect(table).toContain('0.25');
    expect(renderResultsMarkdown(summary(true)).split('\n')).toHaveLength(4);
  });

  it('is self-contained, escapes names, says the numbers are offline and lists incomplete runs', async () => {
    const data = summary(true);
    const html = renderReportHtml(
      [
        {
          summary: data,
          cumulativeSvg: await renderSvg(cumulativeCostSpec(data)),
          zeroEditSvg: await renderSvg(zeroEditSpec(data)),
        },
      ],
      'test',
    );
    expect(html).toContain('no-&#60;learning&#62;');
    expect(html).not.toContain('no-<learning>');
    expect(html).toMatch(/not measurements of any LLM/);
    expect(html).toContain('oracle seed 1: stopped after 1 rounds');
    // The miss model's parameters are part of the settings, as the numbers depend on them.
    expect(html).toContain('writer imperfection');
    expect(html).toContain(`${defaultMissModel.rate} × difficulty`);
    expect(html.match(/<svg/g)).toHaveLength(2);
    // The cheapest learner (oracle aside) is highlighted, and every metric is defined with its direction.
    expect(html).toMatch(/<tr class="best"><td>cipher-5<\/td>/);
    expect(html).toMatch(/<dt>regret ratio<\/dt><dd>[^<]*Lower is better/);
    expect(html.match(/lower is better/gi)?.length).toBeGreaterThanOrEqual(5);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it('names the models when the run used LLMs', () => {
    const html = renderReportHtml([{ summary: summary(false), cumulativeSvg: '', zeroEditSvg: '' }], 'test');
    expect(html).toContain('LLM run: writer sim');
    expect(html).not.toMatch(/offline world/i);
  });
});
