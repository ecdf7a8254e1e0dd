/**
 * The error `promise` rejects with, when `isInstance` accepts it (e.g. `InvalidInputError.isInstance`);
 * throws, failing the test, when it resolves or rejects with anything else.
 *
 * @example
 * const error = await rejectionOf(loadCorpusFile(path), InvalidInputError.isInstance);
 */
export async function rejectionOf<E>(
  promise: Promise<unknown>,
  isInstance: (error: unknown) => error is E,
): Promise<E> {
  const outcome = await promise.then(
    (value: unknown) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if ('error' in outcome && isInstance(outcome.error)) return outcome.error;
  const got = 'error' in outcome ? String(outcome.error) : 'no error';
  throw new Error(`expected a rejection of the kind asked for, got ${got}`);
}
