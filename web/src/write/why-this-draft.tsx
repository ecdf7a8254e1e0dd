import type { Draft } from '../api/types.js';
import { preview } from '../shared/task-names.js';

/**
 * "Why this draft": the learned preference the draft was written for, and the past contexts it was
 * retrieved from, most similar first, with their similarity (dot product of normalised embeddings).
 */
export function WhyThisDraft(props: { readonly draft: Draft }) {
  const { preferenceUsed, neighbours } = props.draft;
  return (
    <section class="why" aria-labelledby="why-heading" data-testid="why-this-draft">
      <h3 id="why-heading">Why this draft</h3>
      {preferenceUsed ? (
        <p>
          Written for the preference <q class="preference">{preferenceUsed}</q>
        </p>
      ) : (
        <p>No learned preference was used: Tailor has not learned anything close to this context yet.</p>
      )}
      {neighbours.length > 0 && (
        <>
          <p>Retrieved from your past contexts:</p>
          <ol class="neighbours">
            {neighbours.map((neighbour) => (
              <li key={neighbour.entryId}>
                <span class="similarity" title="similarity of the contexts, from -1 to 1">
                  similarity {neighbour.similarity.toFixed(2)}
                </span>{' '}
                {neighbour.preference ? (
                  <q class="preference">{neighbour.preference}</q>
                ) : (
                  <span>an earlier edit of yours</span>
                )}
                {neighbour.contextPreview && (
                  <span class="context-preview">
                    {' '}
                    learned on “{preview(neighbour.contextPreview, 100)}”
                    {neighbour.contextId ? ` (${neighbour.contextId})` : ''}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
