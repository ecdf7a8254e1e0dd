import { useEffect, useRef } from 'preact/hooks';
import type { LearnResult } from '../api/types.js';

/**
 * What Tailor did with the edit: its cost and the preference inferred from it. Its heading takes the
 * keyboard focus when it appears (the submit button it replaces is gone).
 */
export function LearnOutcome(props: { readonly result: LearnResult }) {
  const { result } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="outcome" aria-labelledby="outcome-heading" data-testid="learn-outcome">
      <h3 id="outcome-heading" ref={heading} tabIndex={-1}>
        {result.accepted ? 'Draft accepted' : 'Edit received'}
      </h3>
      <p>
        Edit cost: <strong data-testid="edit-cost">{result.cost}</strong> word edits{' '}
        <span class="hint">(words inserted, deleted or replaced between the draft and your version)</span>
      </p>
      {result.status === 'pending' ? (
        <p>
          Your edit is saved. Learning from it did not finish (the model may be unavailable); Tailor retries
          later and the preference will then appear under “What Tailor learned”.
        </p>
      ) : result.inferredPreference ? (
        <p>
          Tailor inferred the preference{' '}
          <q class="preference" data-testid="inferred-preference">
            {result.inferredPreference}
          </q>{' '}
          and will use it for similar contexts.
        </p>
      ) : result.accepted ? (
        <p>Nothing to change: Tailor keeps what it used for this draft.</p>
      ) : (
        <p>Tailor did not infer a new preference from this edit.</p>
      )}
    </section>
  );
}
