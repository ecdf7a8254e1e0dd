/** An agent output and the user's edit of it (equal when the user accepted). */
export interface EditPair {
  readonly original: string;
  readonly edited: string;
}
