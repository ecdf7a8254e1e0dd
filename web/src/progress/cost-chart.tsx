import { useEffect, useRef, useState } from 'preact/hooks';
import type { TopLevelSpec } from 'vega-lite';

/** The chart's colours: the costs as amber dots, the moving average as a blue line. */
const costColour = '#b07000';
const averageColour = '#1f5fa8';

/**
 * The progress chart as a Vega-Lite spec (the bench report's library): each answered draft's edit cost
 * as a dot and the moving average as a line, with one legend showing each series as it is drawn.
 */
export function costChartSpec(options: {
  readonly costs: readonly number[];
  readonly average: readonly number[];
  readonly window: number;
  readonly width: number;
  readonly height: number;
}): TopLevelSpec {
  const costLabel = 'Edit cost';
  const averageLabel = `Moving average (last ${options.window})`;
  const values = options.costs.flatMap((cost, index) => [
    { draft: index + 1, series: costLabel, value: cost },
    { draft: index + 1, series: averageLabel, value: Number((options.average[index] ?? 0).toFixed(2)) },
  ]);
  const series = {
    field: 'series',
    type: 'nominal',
    title: null,
    scale: { domain: [costLabel, averageLabel], range: [costColour, averageColour] },
    legend: {
      orient: 'top',
      direction: 'horizontal',
      labelLimit: 400,
      symbolSize: 70,
      // NOTE: each swatch drawn as its series is: a dot for the costs, a line for the average.
      encode: {
        symbols: {
          update: {
            shape: { signal: `datum.value === '${costLabel}' ? 'circle' : 'stroke'` },
            stroke: { signal: `datum.value === '${costLabel}' ? null : '${averageColour}'` },
            strokeWidth: { value: 2.5 },
          },
        },
      },
    },
  } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: options.width,
    height: options.height,
    data: { values },
    encoding: {
      x: {
        field: 'draft',
        type: 'quantitative',
        title: 'Answered draft (oldest first)',
        scale: { domain: [1, Math.max(2, options.costs.length)], nice: false },
        axis: { format: 'd', tickMinStep: 1 },
      },
      y: {
        field: 'value',
        type: 'quantitative',
        title: 'Word edits (lower is better)',
        scale: { zero: true },
      },
      color: series,
    },
    // NOTE: the line first, so the dots stay visible where they meet it.
    layer: [
      {
        transform: [{ filter: { field: 'series', equal: averageLabel } }],
        mark: { type: 'line', strokeWidth: 2.5, interpolate: 'monotone' },
      },
      {
        transform: [{ filter: { field: 'series', equal: costLabel } }],
        mark: { type: 'point', filled: true, size: 80, opacity: 0.9 },
      },
    ],
    config: {
      font: 'system-ui, sans-serif',
      axis: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal', gridColor: '#e4e4e4' },
      legend: { labelFontSize: 13 },
      view: { stroke: null },
    },
  };
}

/**
 * Edit cost per interaction (dots) and its moving average (line), drawn with Vega-Lite as an SVG image
 * whose text alternative summarises the data (the page also offers the numbers as a table). The chart
 * code loads only on this view, and renders without `eval`, as the UI's Content-Security-Policy asks.
 */
export function CostChart(props: {
  readonly costs: readonly number[];
  readonly average: readonly number[];
  readonly window: number;
  readonly description: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [image, setImage] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    const width = Math.max(240, (box.current?.clientWidth ?? 640) - 110);
    const spec = costChartSpec({ ...props, width, height: 220 });
    void Promise.all([import('../../../src/bench/charts.js'), import('vega-interpreter')]).then(
      async ([{ renderSvg }, { expressionInterpreter }]) => {
        const svg = await renderSvg(spec, { expressionInterpreter });
        if (!cancelled) setImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [props.costs, props.average, props.window]);

  return (
    <div class="chart-box" ref={box}>
      {image && <img src={image} alt={props.description} data-testid="cost-chart" />}
    </div>
  );
}
