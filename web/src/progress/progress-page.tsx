import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import { describeApiError } from '../api/api-error.js';
import type { InteractionSummary } from '../api/types.js';
import { localDate } from '../shared/local-date.js';
import { movingAverage } from '../shared/moving-average.js';
import { defaultUser } from '../shared/settings.js';
import { StatusMessage } from '../shared/status-message.js';
import { CostChart } from './cost-chart.js';
import { progressHeadline } from './progress-headline.js';

const averageWindow = 5;

/**
 * Progress: the edit cost of each answered draft, oldest first, with a moving average; a falling
 * line means Tailor's drafts need fewer edits. Filterable by task.
 */
export function ProgressPage(props: {
  readonly client: ApiClient;
  readonly user: string;
  /** Go to the Write view (from the empty state). */
  readonly onWrite: () => void;
}) {
  const { client, user } = props;
  const [task, setTask] = useState('');
  const [interactions, setInteractions] = useState<InteractionSummary[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    setError(undefined);
    client
      .interactions(user, task || undefined)
      .then((list) => {
        if (!cancelled) setInteractions(list);
      })
      .catch((caught: unknown) => {
        if (!cancelled) setError(describeApiError(caught));
      });
    return () => {
      cancelled = true;
    };
  }, [client, user, task]);

  const answered = useMemo(
    () => (interactions ?? []).filter((interaction) => interaction.cost !== null),
    [interactions],
  );
  const costs = useMemo(() => answered.map((interaction) => interaction.cost ?? 0), [answered]);
  const average = useMemo(() => movingAverage(costs, averageWindow), [costs]);
  const last = average.at(-1);
  const headline = progressHeadline(costs);
  const description =
    costs.length === 0
      ? 'No answered drafts yet.'
      : `${costs.length} answered drafts; costs ${costs.join(', ')}; latest moving average ${last?.toFixed(1)}.`;

  return (
    <section class="progress-page" aria-labelledby="progress-heading">
      <h2 id="progress-heading">Progress{user === defaultUser ? '' : ` for ${user}`}</h2>
      <label>
        Task
        <select name="progress-task" value={task} onChange={(event) => setTask(event.currentTarget.value)}>
          <option value="">All tasks</option>
          <option value="summarization">Summaries</option>
          <option value="email">Emails</option>
        </select>
      </label>
      <StatusMessage kind="error">{error}</StatusMessage>
      {interactions !== undefined && costs.length === 0 && !error && (
        <div class="empty-state" data-testid="progress-empty">
          <p>
            No answered drafts yet{task ? ' for this task' : ''}. Get a draft on Write and edit it into what
            you would send (or accept it): each answer adds a point here, and the line shows your edits
            shrinking as Tailor learns.
          </p>
          <button type="button" class="primary" onClick={props.onWrite}>
            Go to Write
          </button>
        </div>
      )}
      {costs.length > 0 && (
        <>
          <p class="headline" data-testid="progress-headline">
            {headline ? (
              <>
                <strong>Word edits per draft:</strong> {headline.first.toFixed(1)}{' '}
                <span class="hint">
                  ({headline.window === 1 ? 'first draft' : `first ${headline.window}`})
                </span>{' '}
                → {headline.last.toFixed(1)}{' '}
                <span class="hint">({headline.window === 1 ? 'last draft' : `last ${headline.window}`})</span>
                , <strong>{headline.change}</strong>
              </>
            ) : (
              'One answered draft so far: answer one more to see whether your edits shrink.'
            )}
          </p>
          <p class="hint" data-testid="progress-summary">
            {costs.length} answered drafts, {costs.filter((cost) => cost === 0).length} accepted without
            edits; mean cost of the last {Math.min(averageWindow, costs.length)}: {last?.toFixed(1)} word
            edits.
          </p>
          <CostChart costs={costs} average={average} window={averageWindow} description={description} />
          <details>
            <summary>The numbers</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">When</th>
                  <th scope="col">Cost</th>
                  <th scope="col">Moving average</th>
                </tr>
              </thead>
              <tbody>
                {answered.map((interaction, index) => (
                  <tr key={interaction.id}>
                    <td>{index + 1}</td>
                    <td>{localDate(interaction.createdAt, { withTime: true })}</td>
                    <td>{interaction.cost}</td>
                    <td>{average[index]?.toFixed(1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
