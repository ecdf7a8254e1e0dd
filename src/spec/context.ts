/**
 * One input the user brings in a round: an article to summarize, notes to turn into an email.
 * `source` names where it comes from (e.g. `news`, `paper-review`); simulated users use it to pick
 * their latent preference, learners must not.
 */
export interface Context {
  readonly id: string;
  readonly source: string;
  readonly text: string;
}
