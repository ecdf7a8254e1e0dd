/** A rendered prompt: an optional system message and one user message. */
export interface Prompt {
  readonly system?: string;
  readonly user: string;
}
