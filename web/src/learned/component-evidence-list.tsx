import { useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import { describeApiError } from '../api/api-error.js';
import type { PreferenceComponent } from '../api/types.js';

/** "Shown in 3 of your texts, not in 1" (or, when the writer cannot check, how often it was named). */
export function evidenceLine(component: PreferenceComponent): string {
  const named = `named ${component.mentions} time${component.mentions === 1 ? '' : 's'}`;
  if (component.supporting === null || component.contradicting === null) return named;
  return `shown in ${component.supporting} of your texts, not in ${component.contradicting} · ${named}`;
}

/**
 * The task's preference components with the evidence behind each (`GET /v1/users/{user}/components`),
 * loaded when the person opens the list: what Tailor holds about their style, piece by piece.
 */
export function ComponentEvidenceList(props: {
  readonly client: ApiClient;
  readonly user: string;
  readonly task: string;
}) {
  const [components, setComponents] = useState<PreferenceComponent[]>();
  const [error, setError] = useState<string>();
  const load = (open: boolean) => {
    if (!open || components !== undefined) return;
    props.client
      .components(props.user, props.task)
      .then(setComponents)
      .catch((caught: unknown) => setError(describeApiError(caught)));
  };
  return (
    <details
      class="component-evidence"
      onToggle={(event) => load((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>Style components and their evidence</summary>
      {error !== undefined && <p role="alert">{error}</p>}
      {components === undefined && error === undefined && <p>Loading…</p>}
      {components?.length === 0 && <p>No components yet.</p>}
      {components !== undefined && components.length > 0 && (
        <ul data-testid="component-evidence">
          {components.map((component) => (
            <li key={component.component}>
              <strong>{component.component}</strong>: {evidenceLine(component)}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
