import type { Draft } from '../api/types.js';
import { contextTitle } from '../shared/context-title.js';

/**
 * "Why this draft": the learned preference the draft was written for, each learned preference it
 * applied (marked, with the text it was learned on), and, behind a details toggle, how those were
 * picked: the past contexts retrieved, most similar first, with their similarity.
 */
export function WhyThisDraft(props: { readonly draft: Draft }) {
  const { preferenceUsed, neighbours } = props.draft;
  const applied = new Map<string, string[]>();
  for (const neighbour of neighbours) {
    if (!neighbour.preference) continue;
    const titles = applied.get(neighbour.preference) ?? [];
    titles.push(contextTitle(neighbour.contextPreview));
    applied.set(neighbour.preference, titles);
  }
  return (
    <section class="why" aria-labelledby="why-heading" data-testid="why-this-draft">
      <h3 id="why-heading">Why this draft</h3>
      {preferenceUsed ? (
        <p>
          Written for <q class="preference">{preferenceUsed}</q>
        </p>
      ) : (
        <p>Tailor has not learned anything close to this text yet: this is a plain first draft.</p>
      )}
      {applied.size > 0 && (
        <ul class="applied" aria-label="Learned preferences applied">
          {[...applied].map(([preference, titles]) => (
            <li key={preference} data-testid="applied-preference">
              <span class="badge badge-applied">applied</span> <q class="preference">{preference}</q>{' '}
              <span class="hint">learned on “{titles.join('”, “')}”</span>
            </li>
          ))}
        </ul>
      )}
      {neighbours.length > 0 && (
        <details class="retrieval">
          <summary>How these were picked</summary>
          <p class="hint">
            Tailor looks up your past texts most similar to this one (similarity from −1 to 1) and uses what
            it learned on them.
          </p>
          <ol class="neighbours">
            {neighbours.map((neighbour) => (
              <li key={neighbour.entryId}>
                <span class="similarity">similarity {neighbour.similarity.toFixed(2)}</span>{' '}
                {neighbour.preference ? (
                  <q class="preference">{neighbour.preference}</q>
                ) : (
                  <span>an earlier edit of yours</span>
                )}{' '}
                <span class="context-preview">on “{contextTitle(neighbour.contextPreview, 12)}”</span>
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
