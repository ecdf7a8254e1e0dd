import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import { describeApiError } from '../api/api-error.js';
import type { Sample } from '../api/types.js';
import { StatusMessage } from '../shared/status-message.js';
import { contextTitle } from '../shared/context-title.js';

const sourceNames: Readonly<Record<string, string>> = {
  encyclopedia: 'Encyclopedia pages',
  forum: 'Forum posts',
  'movie-review': 'Movie reviews',
  news: 'News articles',
  'paper-abstract': 'Paper abstracts',
  'paper-review': 'Notes for a paper review',
  'paper-summary': 'Notes for a paper summary',
  'paper-tweet': 'Notes for a post about a paper',
  'personal-problem': 'Notes about a personal problem',
};

/** A readable name for a sample source (`movie-review` → `Movie reviews`). */
function sourceName(source: string): string {
  const known = sourceNames[source];
  if (known) return known;
  const words = source.replace(/[-_]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The context text and, when it is an unchanged sample, the sample's id. */
export interface ContextValue {
  readonly text: string;
  readonly contextId: string | undefined;
}

/**
 * A textarea for the context, and a list of built-in samples (`GET /v1/samples`) that fills it.
 * Editing a picked sample drops its id, since the text is no longer that sample.
 */
export function ContextInput(props: {
  readonly client: ApiClient;
  readonly sampleTasks: readonly ('summarization' | 'email')[];
  readonly value: ContextValue;
  readonly disabled: boolean;
  readonly onChange: (value: ContextValue) => void;
  readonly onSubmitShortcut: () => void;
}) {
  const [samples, setSamples] = useState<readonly { task: string; sample: Sample }[]>([]);
  const [loadError, setLoadError] = useState<string>();
  const tasksKey = props.sampleTasks.join(',');

  useEffect(() => {
    let cancelled = false;
    setLoadError(undefined);
    Promise.all(
      props.sampleTasks.map((task) =>
        props.client.samples(task).then((list) => list.map((sample) => ({ task, sample }))),
      ),
    )
      .then((lists) => {
        if (!cancelled) setSamples(lists.flat());
      })
      .catch((error: unknown) => {
        if (!cancelled) setLoadError(`Samples could not be loaded. ${describeApiError(error)}`);
      });
    return () => {
      cancelled = true;
    };
    // NOTE: keyed on the joined task names, not the array identity, to load once per task change.
  }, [tasksKey, props.client]);

  const sources = [...new Set(samples.map((entry) => `${entry.task}/${entry.sample.source}`))];
  const selected = samples.find((entry) => entry.sample.id === props.value.contextId);

  return (
    <div class="context-input">
      <label>
        Sample context
        <select
          name="sample"
          disabled={props.disabled || samples.length === 0}
          value={selected ? selected.sample.id : ''}
          onChange={(event) => {
            const picked = samples.find((entry) => entry.sample.id === event.currentTarget.value);
            if (picked) props.onChange({ text: picked.sample.text, contextId: picked.sample.id });
          }}
        >
          <option value="">
            {samples.length === 0 ? 'Loading samples…' : 'Pick a sample, or paste your own below'}
          </option>
          {sources.map((source) => (
            <optgroup key={source} label={sourceName(source.slice(source.indexOf('/') + 1))}>
              {samples
                .filter((entry) => `${entry.task}/${entry.sample.source}` === source)
                .map((entry) => (
                  <option key={entry.sample.id} value={entry.sample.id}>
                    {contextTitle(entry.sample.text, 10)}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      <StatusMessage kind="error">{loadError}</StatusMessage>
      <label>
        Context (the document to summarize, or your notes for the email)
        <textarea
          name="context"
          rows={10}
          value={props.value.text}
          disabled={props.disabled}
          onInput={(event) => props.onChange({ text: event.currentTarget.value, contextId: undefined })}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              props.onSubmitShortcut();
            }
          }}
        />
      </label>
      <p class="hint">
        {props.value.text.length.toLocaleString()} characters
        {selected ? ` · sample: ${contextTitle(selected.sample.text, 5)}` : ''} · Ctrl+Enter drafts
      </p>
    </div>
  );
}
