import { decodeEmbedding } from './embedding-codec.js';

/** What the store says about one scope's vectors right now: how many, and the newest sequence. */
export interface ScopeProbe {
  readonly count: number;
  readonly maxSequence: number;
}

/** One scope's vectors, oldest first (`sequences[i]` is the sequence of `vectors[i]`). */
export interface ScopeVectors {
  readonly sequences: readonly number[];
  readonly vectors: readonly Float32Array[];
}

/**
 * `[sequence, embedding bytes]` rows with `afterSequence < sequence <= upToSequence`, in sequence
 * order. The upper bound is the probe's newest sequence, so rows added after the probe do not make
 * the cache read the whole scope again.
 */
export type LoadVectors = (
  afterSequence: number,
  upToSequence: number,
) => Promise<readonly (readonly [number, Uint8Array])[]>;

interface CachedScope {
  readonly sequences: number[];
  readonly vectors: Float32Array[];
  maxSequence: number;
  bytes: number;
}

/**
 * Decoded embeddings of recently queried scopes, so repeated k-NN queries for a user do not read every
 * vector from the database again (a user with 10,000 entries of 4,096 dimensions is 160 MB).
 *
 * Correct across processes: every query first probes the database (`count` and `max(sequence)` of the
 * scope, answered from its index). Embeddings never change once stored, so when only newer rows were
 * added just those are read; when anything was deleted the scope is read again. Least recently used
 * scopes are dropped beyond `maxBytes`; refreshes of one scope run one at a time.
 */
export class ScopeVectorCache {
  private readonly scopes = new Map<string, CachedScope>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private bytes = 0;

  constructor(private readonly maxBytes = 256 * 1024 * 1024) {}

  /** The scope's vectors as of `probe`, from the cache when it matches, else (partly) from `load`. */
  vectors(key: string, probe: ScopeProbe, load: LoadVectors): Promise<ScopeVectors> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.refresh(key, probe, load));
    const settled = next.catch(() => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return next;
  }

  /** Bytes of vectors held (for tests and metrics). */
  get heldBytes(): number {
    return this.bytes;
  }

  private async refresh(key: string, probe: ScopeProbe, load: LoadVectors): Promise<ScopeVectors> {
    let cached = this.scopes.get(key);
    if (
      cached !== undefined &&
      (cached.sequences.length !== probe.count || cached.maxSequence !== probe.maxSequence)
    ) {
      const grown =
        probe.maxSequence > cached.maxSequence ? await load(cached.maxSequence, probe.maxSequence) : [];
      if (grown.length > 0 && cached.sequences.length + grown.length === probe.count) {
        this.bytes += append(cached, grown);
      } else {
        this.drop(key);
        cached = undefined;
      }
    }
    if (cached === undefined) {
      cached = { sequences: [], vectors: [], maxSequence: 0, bytes: 0 };
      this.bytes += append(cached, await load(0, probe.maxSequence));
    }
    // NOTE: re-inserting moves the scope to the end of the Map's order: the most recently used.
    this.scopes.delete(key);
    this.scopes.set(key, cached);
    for (const other of this.scopes.keys()) {
      if (this.bytes <= this.maxBytes) break;
      if (other !== key) this.drop(other);
    }
    return { sequences: cached.sequences, vectors: cached.vectors };
  }

  private drop(key: string): void {
    const cached = this.scopes.get(key);
    if (cached === undefined) return;
    this.bytes -= cached.bytes;
    this.scopes.delete(key);
  }
}

/** Appends decoded rows; returns the bytes added. */
function append(cached: CachedScope, rows: readonly (readonly [number, Uint8Array])[]): number {
  let added = 0;
  for (const [sequence, bytes] of rows) {
    // NOTE: a copy, so the cache never pins a driver's larger read buffer.
    const vector = decodeEmbedding(Uint8Array.from(bytes));
    cached.sequences.push(sequence);
    cached.vectors.push(vector);
    cached.maxSequence = Math.max(cached.maxSequence, sequence);
    added += vector.byteLength;
  }
  cached.bytes += added;
  return added;
}
