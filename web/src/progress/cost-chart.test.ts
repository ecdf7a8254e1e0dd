import { expressionInterpreter } from 'vega-interpreter';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../../src/bench/charts.js';
import { costChartSpec } from './cost-chart.js';

describe('the progress chart', () => {
  it('draws a dot per answered draft and one moving-average line, both named in the legend', async () => {
    const svg = await renderSvg(
      costChartSpec({ costs: [8, 3, 0], average: [8, 5.5, 3.67], window: 5, width: 400, height: 200 }),
      { expressionInterpreter },
    );
    const dots = /<g class="mark-symbol role-mark[^"]*"[^>]*>(.*?)<\/g>/s.exec(svg)?.[1] ?? '';
    expect(dots.match(/<path /g)).toHaveLength(3);
    expect(svg.match(/<g class="mark-line role-mark/g)).toHaveLength(1);
    expect(svg).toContain('>Edit cost</text>');
    expect(svg).toContain('>Moving average (last 5)</text>');
    expect(svg).toContain('>Word edits (lower is better)</text>');
  });
});
