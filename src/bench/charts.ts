import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { TaskBenchSummary } from './bench-summary.js';

/**
 * Render a Vega-Lite spec to a standalone SVG string, headless (no canvas, no network): the bench
 * report's figures in Node, and the web UI's chart in the browser. `expressionInterpreter` (from
 * `vega-interpreter`) evaluates Vega's expressions without generating code, for pages whose
 * Content-Security-Policy forbids `eval` (the UI's).
 *
 * @example
 * const svg = await renderSvg(cumulativeCostSpec(summary));
 */
export async function renderSvg(
  spec: TopLevelSpec,
  options: { readonly expressionInterpreter?: object } = {},
): Promise<string> {
  const { expressionInterpreter } = options;
  const runtime = vega.parse(compile(spec).spec, undefined, { ast: expressionInterpreter !== undefined });
  const view = new vega.View(runtime, { renderer: 'none', expr: expressionInterpreter });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const size = { width: 520, height: 300 };

function seedsLabel(seeds: readonly number[]): string {
  return seeds.length === 1 ? `seed ${seeds[0]}` : `mean over seeds ${seeds.join(', ')}`;
}

/** The paper's first figure: cumulative cost against round, one line per learner. */
export function cumulativeCostSpec(summary: TaskBenchSummary): TopLevelSpec {
  const values = summary.learners.flatMap((learner) =>
    learner.cumulativeCurve.map((cost, index) => ({ learner: learner.learner, round: index + 1, cost })),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `${summary.task}: cumulative cost, lower is better (${seedsLabel(summary.seeds)})`,
    ...size,
    data: { values },
    mark: { type: 'line', strokeWidth: 2 },
    encoding: {
      x: { field: 'round', type: 'quantitative', title: 'round' },
      y: { field: 'cost', type: 'quantitative', title: 'cumulative edit cost (words), lower is better' },
      color: { field: 'learner', type: 'nominal', sort: summary.learners.map((learner) => learner.learner) },
    },
  };
}

/** The paper's learning-curve figure: zero-edit rate per bin of rounds, one line per learner. */
export function zeroEditSpec(summary: TaskBenchSummary): TopLevelSpec {
  const values = summary.learners.flatMap((learner) =>
    learner.zeroEditBins.map((rate, index) => ({
      learner: learner.learner,
      bin: `${index * summary.binSize + 1}–${(index + 1) * summary.binSize}`,
      order: index,
      rate,
    })),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `${summary.task}: zero-edit rate per ${summary.binSize} rounds`,
    ...size,
    data: { values },
    mark: { type: 'line', point: true, strokeWidth: 2 },
    encoding: {
      x: {
        field: 'bin',
        type: 'ordinal',
        sort: { field: 'order' },
        title: 'rounds',
        axis: { labelAngle: 0 },
      },
      y: {
        field: 'rate',
        type: 'quantitative',
        title: 'zero-edit rate, higher is better',
        scale: { domain: [0, 1] },
      },
      color: { field: 'learner', type: 'nominal', sort: summary.learners.map((learner) => learner.learner) },
    },
  };
}
