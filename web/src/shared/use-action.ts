import { useState } from 'preact/hooks';
import { describeApiError } from '../api/api-error.js';

/**
 * Run one API action at a time from a control: `busy` while it runs, and its failure as a sentence
 * for a person in `error` (cleared when the next action starts).
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (caught) {
      setError(describeApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
