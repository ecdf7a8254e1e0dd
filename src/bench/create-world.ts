import type { ResponseCache, RetryEvent } from '../providers/index.js';
import { createLexicalEmbedder } from '../sim/lexical-embedder.js';
import { loadBuiltinCorpus, loadCorpusFile } from '../sim/corpus.js';
import { checkPreferenceMap, loadPreferenceMapFile } from '../sim/preference-map.js';
import { getPreferenceSet, preferenceSetNames, preferencesForTask } from '../sim/preference-sets.js';
import { OfflineWriter } from '../sim/offline-writer.js';
import { describeMissModel } from '../sim/writer/miss-model.js';
import { simulatedUserFromTexts } from '../sim/simulated-user.js';
import { ChatUser } from '../sim/chat-user.js';
import { rulesFollowUpClassifier } from '../sim/follow-up-rules.js';
import { existsSync } from 'node:fs';
import { InvalidInputError, type Context, type Embedder } from '../spec/index.js';
import { preferenceUnion } from '../core/index.js';
import type { BenchProvenance } from './bench-summary.js';
import type { BenchWorld } from './bench-world.js';
import type { BenchTask } from './parse-flags.js';
import { unigramF1, unigramF1Name } from './preference-similarity.js';

/** A serialisable description of a bench world (sent to worker threads, stored with the run). */
export interface WorldSpec {
  readonly task: BenchTask;
  /** `prelude`, `hard`, or a preference-map file (source → preference text). */
  readonly preferences: string;
  /** `builtin` or a corpus JSONL file. */
  readonly corpus: string;
  /** Model specs; `sim` and `lexical` are the offline world. */
  readonly writer: string;
  readonly reviewer: string;
  readonly embedder: string;
  /** SQLite file of the response cache, or null for no cache. */
  readonly cacheFile: string | null;
  /** The `fixed` learner's text; null: the union of the world's latent preferences. */
  readonly fixedPreference: string | null;
  /** `--protocol`: the prompts and settings of model calls (default `tailor`; offline, token counts only). */
  readonly protocol?: 'paper' | 'tailor';
  /**
   * `--feedback`: how the simulated user corrects a draft: `edit` (the paper's protocol, default) or
   * `follow-ups` (the chat environment: it replies until the answer suits it; rule-based user only).
   */
  readonly feedback?: 'edit' | 'follow-ups';
}

/** True when nothing in the world calls a model. */
export function isOfflineWorld(spec: WorldSpec): boolean {
  return spec.writer === 'sim' && spec.reviewer === 'sim' && spec.embedder === 'lexical';
}

/** The contexts of a world spec's corpus. */
export function loadWorldCorpus(spec: WorldSpec): Promise<Context[]> {
  return spec.corpus === 'builtin' ? loadBuiltinCorpus(spec.task) : loadCorpusFile(spec.corpus);
}

/** The latent preference text of each source, from a built-in set or a preference-map file. */
export async function loadWorldPreferences(spec: WorldSpec): Promise<Record<string, string>> {
  if (preferenceSetNames.includes(spec.preferences)) {
    const bySource = preferencesForTask(getPreferenceSet(spec.preferences), { kind: spec.task });
    return Object.fromEntries(
      Object.entries(bySource).map(([source, preference]) => [source, preference.text]),
    );
  }
  if (!existsSync(spec.preferences)) {
    throw new InvalidInputError({
      field: '--preferences',
      value: spec.preferences,
      accepted: `a preference set (${preferenceSetNames.join(', ')}) or a preference map file (JSON: source → preference text)`,
    });
  }
  return loadPreferenceMapFile(spec.preferences);
}

/** The `fixed` learner's text in a world: the given one, or the union of its latent preferences. */
export async function fixedPreferenceOf(spec: WorldSpec): Promise<string> {
  if (spec.fixedPreference !== null) return spec.fixedPreference;
  return preferenceUnion(Object.values(await loadWorldPreferences(spec)));
}

const caches = new Map<string, ResponseCache>();

/**
 * The lexical embedder of a corpus, shared by every job of a process that runs on it (its idf table
 * and embeddings are pure functions of the corpus and the text; the learners of a sweep embed the same
 * contexts). The last few corpora are kept.
 */
const lexicalEmbedders = new Map<string, Embedder>();
function lexicalEmbedderFor(contexts: readonly Context[]): Embedder {
  const key = contexts.map((context) => `${context.id}\u0000${context.text}`).join('\u0001');
  let embedder = lexicalEmbedders.get(key);
  if (embedder === undefined) {
    if (lexicalEmbedders.size >= 4) lexicalEmbedders.delete(lexicalEmbedders.keys().next().value!);
    embedder = createLexicalEmbedder({ idfCorpus: contexts.map((context) => context.text) });
    lexicalEmbedders.set(key, embedder);
  }
  return embedder;
}

/** How the model-backed parts of a world call their models (the bench's flags). */
export interface WorldCallOptions {
  /** `--timeout`: time allowed for one model call, in ms (default: the call policy's). */
  readonly timeoutMs?: number;
  /** Told before each retry of a model call. */
  readonly onRetry?: (event: RetryEvent) => void;
}

/**
 * The model-backed parts of a world. NOTE: imported lazily, so offline runs (and their worker
 * threads) never load the AI SDK: it is a third of a worker's memory.
 */
async function modelParts(
  spec: WorldSpec,
  preferenceOf: (context: Context) => string,
  calls: WorldCallOptions,
) {
  const providers = await import('../providers/index.js');
  // NOTE: one policy per world, so writer, simulated user and embedder share its concurrency slots.
  const callPolicy = new providers.CallPolicy({ timeoutMs: calls.timeoutMs, onRetry: calls.onRetry });
  let cache: ResponseCache | false = false;
  if (spec.cacheFile !== null) {
    cache = caches.get(spec.cacheFile) ?? providers.ResponseCache.open(spec.cacheFile);
    caches.set(spec.cacheFile, cache);
  }
  return {
    writer: () => providers.createWriterFromSpec(spec.writer, { cache, callPolicy, protocol: spec.protocol }),
    reviewer: () =>
      providers.createReviewerFromSpec(spec.reviewer, {
        cache,
        callPolicy,
        preferenceOf,
        protocol: spec.protocol,
      }),
    embedder: () => providers.createEmbedderFromSpec(spec.embedder, { cache, callPolicy }),
    followUps: () =>
      providers.createFollowUpClassifierFromSpec(spec.writer, {
        cache,
        callPolicy,
        field: '--writer',
        sim: () => rulesFollowUpClassifier,
      }),
  };
}

/**
 * Build the world of a spec for one seed: load and check the corpus and preferences (a source without
 * a preference, or, for the rule-based user, a phrase no style atom knows, is an InvalidInputError),
 * then the writer, simulated user and embedder. The seed drives the offline writer's imperfections.
 */
export async function createWorld(
  spec: WorldSpec,
  seed: number,
  calls: WorldCallOptions = {},
): Promise<BenchWorld> {
  const [contexts, preferences] = await Promise.all([loadWorldCorpus(spec), loadWorldPreferences(spec)]);
  checkPreferenceMap(preferences, new Set(contexts.map((context) => context.source)));
  const preferenceOf = (context: Context): string => {
    const preference = preferences[context.source];
    if (preference === undefined) throw new Error(`no preference for source ${context.source}`);
    return preference;
  };
  const models = isOfflineWorld(spec) ? undefined : await modelParts(spec, preferenceOf, calls);
  const writer =
    spec.writer === 'sim' || models === undefined ? new OfflineWriter({ seed }) : models.writer();
  if (spec.feedback === 'follow-ups' && spec.reviewer !== 'sim') {
    throw new InvalidInputError({
      field: '--feedback',
      value: spec.feedback,
      accepted: 'follow-ups only with the rule-based simulated user (--reviewer sim), or edit',
    });
  }
  const reviewer =
    spec.reviewer === 'sim' || models === undefined
      ? spec.feedback === 'follow-ups'
        ? new ChatUser(simulatedUserFromTexts(preferences))
        : simulatedUserFromTexts(preferences)
      : models.reviewer();
  const embedder =
    spec.embedder === 'lexical' || models === undefined ? lexicalEmbedderFor(contexts) : models.embedder();
  return {
    contexts,
    writer,
    reviewer,
    embedder,
    preferenceOf,
    truePreferences: [...new Set(Object.values(preferences))],
    fixedPreference: spec.fixedPreference ?? preferenceUnion(Object.values(preferences)),
    similarity: unigramF1,
    similarityName: unigramF1Name,
    provenance: provenanceOf(spec),
    followUps: models === undefined ? rulesFollowUpClassifier : models.followUps(),
  };
}

/** Where a world's numbers come from, in words for reports. */
export function provenanceOf(spec: WorldSpec): BenchProvenance {
  return {
    offline: isOfflineWorld(spec),
    writer: spec.writer === 'sim' ? 'offline rule-based writer' : spec.writer,
    reviewer: spec.reviewer === 'sim' ? 'rule-based simulated user' : spec.reviewer,
    embedder: spec.embedder === 'lexical' ? 'lexical TF-IDF embedder' : spec.embedder,
    ...(spec.protocol === 'paper' ? { protocol: 'paper' as const } : {}),
    ...(spec.writer === 'sim' ? { imperfection: describeMissModel() } : {}),
  };
}
