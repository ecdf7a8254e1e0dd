import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip, Legend);

/**
 * Edit cost per interaction (points) and its moving average (line), drawn with chart.js on a canvas
 * whose label summarises the data for screen readers (the page also offers the numbers as a table).
 */
export function CostChart(props: {
  readonly costs: readonly number[];
  readonly average: readonly number[];
  readonly window: number;
  readonly description: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels: props.costs.map((_, index) => String(index + 1)),
        datasets: [
          {
            label: 'Edit cost',
            data: [...props.costs],
            showLine: false,
            pointRadius: 4,
            pointStyle: 'circle',
            borderColor: '#8a5a00',
            backgroundColor: '#e0a030',
          },
          {
            label: `Moving average (last ${props.window})`,
            data: props.average.map((value) => Number(value.toFixed(2))),
            borderColor: '#1f5fa8',
            backgroundColor: '#1f5fa8',
            pointRadius: 0,
            pointStyle: 'line',
            borderWidth: 2,
            tension: 0.2,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        // NOTE: legend swatches drawn as each series is (a dot for the costs, a line for the average).
        plugins: { legend: { labels: { usePointStyle: true } } },
        scales: {
          x: { title: { display: true, text: 'Answered draft (oldest first)' } },
          y: {
            beginAtZero: true,
            title: { display: true, text: 'Word edits (lower is better)' },
          },
        },
      },
    });
    return () => chart.destroy();
  }, [props.costs, props.average, props.window]);

  return (
    <div class="chart-box">
      <canvas ref={canvas} role="img" aria-label={props.description} data-testid="cost-chart" />
    </div>
  );
}
