/**
 * How well the lexical embedder finds contexts of the same source: for every context of a corpus, the
 * share of its 5 nearest other contexts (by the embedder's cosine) that come from its own source.
 * Run: `npx tsx scripts/retrieval-purity.ts` (built-in corpora) or `-- --corpus FILE` (one JSONL corpus),
 * `--form-weight W` to compare with another mix of topic and form (0 = topic words only).
 */
import { loadBuiltinCorpus, loadCorpusFile } from '../src/sim/corpus.js';
import { createLexicalEmbedder } from '../src/sim/lexical-embedder.js';
import type { Context } from '../src/spec/index.js';

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index < 0 ? undefined : process.argv[index + 1];
}

async function purity(label: string, contexts: readonly Context[]): Promise<void> {
  const weight = flag('--form-weight');
  const embedder = createLexicalEmbedder({
    idfCorpus: contexts.map((context) => context.text),
    ...(weight === undefined ? {} : { formWeight: Number(weight) }),
  });
  const { embeddings } = await embedder.embed({ values: contexts.map((context) => context.text) });
  let same = 0;
  let total = 0;
  embeddings.forEach((vector, index) => {
    const nearest = embeddings
      .map((other, position) => ({
        position,
        similarity:
          position === index ? -Infinity : other.reduce((sum, value, k) => sum + value * (vector[k] ?? 0), 0),
      }))
      .sort((left, right) => right.similarity - left.similarity)
      .slice(0, 5);
    for (const { position } of nearest) {
      total += 1;
      if (contexts[position]?.source === contexts[index]?.source) same += 1;
    }
  });
  process.stdout.write(
    `${label}: top-5 same-source share ${(same / total).toFixed(3)} (${embedder.modelId})\n`,
  );
}

const file = flag('--corpus');
if (file !== undefined) await purity(file, await loadCorpusFile(file));
else
  for (const task of ['summarization', 'email'] as const) await purity(task, await loadBuiltinCorpus(task));
