import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';

/** The provider name of the offline rule-based writer, as `/healthz` reports it (`provider:model`). */
const offlineProvider = 'tailor-offline';

/**
 * A banner saying the drafts come from the offline rule-based writer (when `/healthz` says so), with
 * how to connect a model. Nothing is shown for a model, or when the server cannot tell.
 */
export function WriterBanner(props: { readonly client: ApiClient }) {
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    let cancelled = false;
    props.client
      .health()
      .then((health) => {
        if (!cancelled) setOffline(health.writer?.startsWith(`${offlineProvider}:`) ?? false);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [props.client]);
  if (!offline) return null;
  return (
    <aside class="banner" aria-label="About the writer" data-testid="writer-banner">
      <p>
        <strong>Demo writer, not a language model:</strong> drafts come from Tailor’s offline rules. Learning
        from your edits works as it will with a model.
      </p>
      <details>
        <summary>Why drafts look plain, and how to connect a model</summary>
        <p>
          Summaries pick sentences from the text and emails tidy your notes. Restart the server with a model,
          for example{' '}
          <code>npx tailor serve --model openai:gpt-4o --embedder openai:text-embedding-3-small</code> with{' '}
          <code>OPENAI_API_KEY</code> set (or <code>anthropic:…</code>, <code>ollama:…</code>); see “Run the
          service” in the README.
        </p>
      </details>
    </aside>
  );
}
