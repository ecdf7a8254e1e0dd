import type { Interaction } from '../spec/index.js';

/** An interaction as the API shows it: every stored field but the context embedding. */
export type InteractionView = Omit<Interaction, 'embedding'>;

/**
 * Drops the embedding: thousands of numbers per row that no client needs (a user's progress chart
 * lists every interaction), and an internal detail of the embedder in use.
 */
export function interactionView(interaction: Interaction): InteractionView {
  const { embedding: _embedding, ...view } = interaction;
  return view;
}
