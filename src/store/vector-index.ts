import type { Int8DotKernel } from './int8-dot-kernel.js';
import { createInt8DotKernel, queryLimit } from './int8-dot-kernel.js';
import { decodeEmbedding } from './embedding-codec.js';
import { SparsePostings } from './sparse-postings.js';
import { TopK } from './top-k.js';
import type { QuantisedRows } from './vector-block.js';

/** One stored vector, identified by its insertion sequence, and its dot product with the query. */
export interface ScoredCandidate {
  readonly sequence: number;
  readonly similarity: number;
}

/**
 * How the stored values are held: `float32` (what the SQL stores keep on disk) or `float64` (the
 * in-memory store's plain numbers, so its similarities stay exactly what a scan of its entries gives).
 */
export type VectorPrecision = 'float32' | 'float64';

/** A pre-scan's sums of codes times query (codes), per row: a row's estimate is scale · factor · sum. */
interface PrescanSums {
  readonly sums: Int32Array | Float64Array;
  readonly factor: number;
  readonly queryError: number;
}

/** Below this many rows a dense query is scored exactly, row by row; from it on, int8 pre-scan first. */
export const defaultPrescanFrom = 2_048;

/**
 * Relative slack added to every pre-scan error bound, far above the rounding of the two float64 sums
 * (about d · 2^-53 of |v|·|q|), so the bound holds in floating point as it does on paper.
 */
const roundingSlack = 1e-9;

/**
 * Rows and queries whose largest component lies outside [2^-400, 2^400] are never bounded by the
 * pre-scan (such rows are always re-ranked exactly, such queries scanned exactly): inside it no norm,
 * scale or margin below can underflow or overflow, so the bounds hold in floating point too.
 */
const safeMin = 2 ** -400;
const safeMax = 2 ** 400;

/**
 * One scope's vectors for exact k-nearest-neighbour search by dot product (DESIGN.md §3: no ANN; the
 * answer is always the exact top k). Rows are held row-major in one contiguous typed array, oldest
 * first, with their sequences beside them, plus an int8 copy (one scale per row, rows padded to 16
 * bytes, in WebAssembly memory so a SIMD kernel scans it) and, per row, a bound on what the int8 copy
 * gets wrong.
 *
 * `search` ranks with a bounded heap (no sort of all rows). A large dense query first scores every row
 * from the int8 copy (a quarter of the bytes) against an int16 copy of the query, which gives each row
 * an interval sure to hold its exact score (Cauchy–Schwarz: with v = s·c + e and q = t·b + f,
 * |v·q − s·t·c·b| ≤ |s·c|·|f| + |e|·|q|); the k-th best lower end bounds the k-th best
 * exact score from below, so only rows whose upper end reaches it can be in the top k, and just those
 * are scored exactly. The result equals a full exact scan's, ties to the smaller sequence. An index
 * made with `values: 'below-prescan'` drops its float rows at pre-scan size and names those candidates
 * (`candidates`) for its caller to score from values it keeps elsewhere.
 *
 * @example
 * const index = new VectorIndex(3);
 * index.append(1, [1, 0, 0]);
 * index.append(2, [0, 1, 0]);
 * index.search([0.9, 0.1, 0], 1); // [{ sequence: 1, similarity: 0.9 }]
 */
export class VectorIndex {
  private rows = 0;
  /** The rows' values; undefined once dropped (`values: 'below-prescan'` at pre-scan size). */
  private data: Float32Array | Float64Array | undefined;
  private readonly precision: VectorPrecision;
  private readonly dropValues: boolean;
  /** A byte view of `data` for `appendBytes`, made again after `data` grows. */
  private dataBytes: Uint8Array | undefined;
  private sequences: Float64Array;
  private codes: Int8Array;
  private scales: Float64Array;
  private radii: Float64Array;
  private codeNorms: Float64Array;
  /** Each row's upper bound in the last pre-scan: kept between queries, so a query allocates no row array. */
  private upper = new Float64Array(0);
  private readonly prescanFrom: number;
  /** Bytes from one row's codes to the next: the dimension rounded up to 16. */
  private readonly stride: number;
  /**
   * The SIMD kernel and the memory holding the codes, made by the first pre-scan (small indexes never
   * need it); stays undefined where WebAssembly SIMD is unavailable or `simd` is false.
   */
  private kernel: Int8DotKernel | undefined;
  private readonly simd: boolean;
  /**
   * The rows' non-zero values by component, for sparse queries (`sparseSearch`): made by the first one
   * while the rows are sparse too (at most a quarter of their values set), kept up by `append`, dropped
   * by `remove`. `densePostingRows`: the rows held when they were found too dense (tried again at twice
   * as many).
   */
  private postings: SparsePostings | undefined;
  private densePostingRows = 0;

  constructor(
    readonly dimension: number,
    options: {
      readonly precision?: VectorPrecision;
      readonly capacity?: number;
      readonly prescanFrom?: number;
      /** false: pre-scan in JavaScript, never WebAssembly (for tests). */
      readonly simd?: boolean;
      /**
       * `all` (the default): the index scores rows exactly itself. `below-prescan`: from `prescanFrom`
       * rows of capacity on it holds only the int8 copy (a fifth of the bytes) and `candidates` names
       * the rows its caller must score exactly (a SQL store reads them from the table).
       */
      readonly values?: 'all' | 'below-prescan';
    } = {},
  ) {
    const capacity = Math.max(1, options.capacity ?? 16);
    this.precision = options.precision ?? 'float32';
    this.sequences = new Float64Array(capacity);
    this.stride = Math.ceil(dimension / 16) * 16;
    this.simd = options.simd ?? true;
    this.prescanFrom = options.prescanFrom ?? defaultPrescanFrom;
    this.dropValues = options.values === 'below-prescan';
    this.data = this.dropValues && capacity >= this.prescanFrom ? undefined : this.valueArray(capacity);
    // NOTE: an index loaded at a size that will be pre-scanned gets its kernel memory at once.
    this.kernel =
      this.simd && capacity >= this.prescanFrom ? createInt8DotKernel(this.kernelBytes(capacity)) : undefined;
    this.codes =
      this.kernel === undefined
        ? new Int8Array(capacity * this.stride)
        : new Int8Array(this.kernel.memory.buffer, 0, capacity * this.stride);
    this.scales = new Float64Array(capacity);
    this.radii = new Float64Array(capacity);
    this.codeNorms = new Float64Array(capacity);
  }

  /** How many vectors are held. */
  get size(): number {
    return this.rows;
  }

  /** The newest sequence held, 0 when empty. */
  get maxSequence(): number {
    return this.rows === 0 ? 0 : this.sequences[this.rows - 1]!;
  }

  /** Bytes held by the arrays (what a cache budget counts). */
  get bytes(): number {
    return (
      (this.data?.byteLength ?? 0) +
      this.sequences.byteLength +
      (this.kernel === undefined ? this.codes.byteLength : this.kernel.memory.buffer.byteLength) +
      this.scales.byteLength +
      this.radii.byteLength +
      this.codeNorms.byteLength +
      this.upper.byteLength +
      (this.postings?.bytes ?? 0)
    );
  }

  /** Adds a vector; `sequence` must exceed every sequence held (rows stay in sequence order). */
  append(sequence: number, vector: ArrayLike<number>): void {
    const row = this.newRow(sequence, vector.length);
    if (this.data === undefined) {
      this.quantise(row, this.precision === 'float32' ? Float32Array.from(vector) : vector, 0);
      return;
    }
    this.data.set(vector, row * this.dimension);
    this.quantise(row, this.data, row * this.dimension);
    this.postings?.add(row, this.data, row * this.dimension);
  }

  /** Adds little-endian Float32 bytes (how the SQL stores keep embeddings), copied byte for byte. */
  appendBytes(sequence: number, bytes: Uint8Array): void {
    if (this.precision === 'float64' || bytes.byteLength % 4 !== 0) {
      this.append(sequence, new Float32Array(Uint8Array.from(bytes).buffer));
      return;
    }
    const row = this.newRow(sequence, bytes.byteLength / 4);
    if (this.data === undefined) {
      this.quantise(row, decodeEmbedding(bytes), 0);
      return;
    }
    // NOTE: one byte view kept across rows: making a view per row over a large buffer costs ~80 µs.
    this.dataBytes ??= new Uint8Array(this.data.buffer, this.data.byteOffset, this.data.byteLength);
    this.dataBytes.set(bytes, row * this.dimension * 4);
    this.quantise(row, this.data, row * this.dimension);
    this.postings?.add(row, this.data, row * this.dimension);
  }

  /**
   * Adds rows already quantised (`quantisedRows` of an index of the same dimension, e.g. read back
   * from a SQL store's blocks): their int8 copy and bounds are taken as they are, so the index can
   * only name candidates (`holdsValues` false) and must be made with `values: 'below-prescan'` and a
   * capacity of at least `prescanFrom`. Sequences must increase and exceed every sequence held.
   */
  appendQuantised(rows: QuantisedRows): void {
    if (this.data !== undefined) throw new Error('an index holding values cannot take quantised rows');
    if (rows.dimension !== this.dimension) {
      throw new RangeError(`rows of ${rows.dimension} dimensions in an index of ${this.dimension}`);
    }
    const count = rows.sequences.length;
    let previous = this.maxSequence;
    for (let index = 0; index < count; index++) {
      const sequence = rows.sequences[index]!;
      if ((this.rows > 0 || index > 0) && !(sequence > previous)) {
        throw new RangeError(`sequence ${sequence} is not above the newest held, ${previous}`);
      }
      previous = sequence;
    }
    let capacity = this.capacity;
    while (this.rows + count > capacity) capacity *= 2;
    if (capacity !== this.capacity) this.grow(capacity);
    const { dimension, stride } = this;
    const start = this.rows;
    this.sequences.set(rows.sequences, start);
    this.scales.set(rows.scales, start);
    this.codeNorms.set(rows.codeNorms, start);
    this.radii.set(rows.radii, start);
    if (stride === dimension) this.codes.set(rows.codes, start * stride);
    else {
      for (let row = 0; row < count; row++) {
        this.codes.set(rows.codes.subarray(row * dimension, (row + 1) * dimension), (start + row) * stride);
      }
    }
    this.rows += count;
  }

  /** Rows `from` (inclusive) to `to` (exclusive), quantised, as copies (for `appendQuantised`). */
  quantisedRows(from: number, to: number): QuantisedRows {
    if (!(from >= 0 && from <= to && to <= this.rows))
      throw new RangeError(`rows ${from} to ${to} of ${this.rows}`);
    const { dimension, stride } = this;
    const codes = new Int8Array((to - from) * dimension);
    for (let row = from; row < to; row++) {
      codes.set(this.codes.subarray(row * stride, row * stride + dimension), (row - from) * dimension);
    }
    return {
      dimension,
      sequences: this.sequences.slice(from, to),
      scales: this.scales.slice(from, to),
      codeNorms: this.codeNorms.slice(from, to),
      radii: this.radii.slice(from, to),
      codes,
    };
  }

  /** The sequence of row `row` (rows are in sequence order, oldest first). */
  sequenceAt(row: number): number {
    if (!(row >= 0 && row < this.rows)) throw new RangeError(`row ${row} of ${this.rows}`);
    return this.sequences[row]!;
  }

  /** Checks a new row's length and sequence, makes room, records the sequence; returns the row. */
  private newRow(sequence: number, length: number): number {
    if (length !== this.dimension) {
      throw new RangeError(`a vector of ${length} dimensions in an index of ${this.dimension}`);
    }
    if (this.rows > 0 && sequence <= this.maxSequence) {
      throw new RangeError(`sequence ${sequence} is not above the newest held, ${this.maxSequence}`);
    }
    if (this.rows === this.sequences.length) this.grow(this.rows * 2);
    const row = this.rows++;
    this.sequences[row] = sequence;
    return row;
  }

  /** Removes the vector of `sequence`; false when it is not held. */
  remove(sequence: number): boolean {
    const row = this.rowOf(sequence);
    if (row < 0) return false;
    const { dimension, stride } = this;
    this.data?.copyWithin(row * dimension, (row + 1) * dimension, this.rows * dimension);
    this.codes.copyWithin(row * stride, (row + 1) * stride, this.rows * stride);
    this.sequences.copyWithin(row, row + 1, this.rows);
    this.scales.copyWithin(row, row + 1, this.rows);
    this.radii.copyWithin(row, row + 1, this.rows);
    this.codeNorms.copyWithin(row, row + 1, this.rows);
    this.rows--;
    this.postings = undefined;
    return true;
  }

  /** Whether `sequence` is held. */
  has(sequence: number): boolean {
    return this.rowOf(sequence) >= 0;
  }

  /**
   * The k rows with the largest dot product with `query`, best first; ties go to the smaller sequence.
   * `mode` forces a path (for tests); by default sparse queries visit only their non-zero components,
   * large dense ones use the int8 pre-scan. Throws when the index holds no values (`holdsValues`).
   */
  search(query: ArrayLike<number>, k: number, mode?: 'exact' | 'prescan'): ScoredCandidate[] {
    if (this.data === undefined) throw new Error('this index holds no values: score its candidates');
    const exactQuery = this.exactQuery(query);
    let nonZero = 0;
    for (let index = 0; index < exactQuery.length; index++) if (exactQuery[index] !== 0) nonZero++;
    const best =
      mode === 'prescan' ||
      (mode === undefined && nonZero * 4 > this.dimension && this.rows >= this.prescanFrom)
        ? this.prescanSearch(exactQuery, k)
        : nonZero * 4 <= this.dimension
          ? this.sparseSearch(exactQuery, nonZero, k)
          : this.exactSearch(exactQuery, k);
    return best.sorted().map(({ sequence, similarity }) => ({ sequence, similarity }));
  }

  /** Whether `search` can answer (else `candidates`: the index holds only its int8 copy). */
  get holdsValues(): boolean {
    return this.data !== undefined;
  }

  /**
   * The sequences of the rows that can be among the k best for `query` (every one of the exact top k
   * is there), oldest first, for a caller that scores them exactly with `exactDot` over
   * `exactQuery(query)` and keeps the best k, ties to the smaller sequence: a full scan's answer.
   */
  candidates(query: ArrayLike<number>, k: number): number[] {
    const exactQuery = this.exactQuery(query);
    const bounds = this.prescanBounds(exactQuery, k);
    const found: number[] = [];
    for (let row = 0; row < this.rows; row++) {
      if (bounds === undefined || this.upper[row]! >= bounds) found.push(this.sequences[row]!);
    }
    return found;
  }

  /** The query as the exact scores multiply it: float64 of its float32 rounding for float32 rows. */
  exactQuery(query: ArrayLike<number>): Float64Array {
    if (query.length !== this.dimension) {
      throw new RangeError(`a query of ${query.length} dimensions in an index of ${this.dimension}`);
    }
    return this.precision === 'float32'
      ? Float64Array.from(Float32Array.from(query))
      : Float64Array.from(query);
  }

  /** Every row scored exactly. */
  private exactSearch(query: Float64Array, k: number): TopK {
    const best = new TopK(k);
    for (let row = 0; row < this.rows; row++)
      best.offer(this.exactScore(row, query), this.sequences[row]!, row);
    return best;
  }

  /** Every row scored exactly over the query's non-zero components (the same sums: the rest add 0). */
  private sparseSearch(query: Float64Array, nonZero: number, k: number): TopK {
    const positions = new Int32Array(nonZero);
    const values = new Float64Array(nonZero);
    let next = 0;
    for (let index = 0; index < query.length; index++) {
      if (query[index] !== 0) {
        positions[next] = index;
        values[next++] = query[index]!;
      }
    }
    const { data, dimension } = this;
    const best = new TopK(k);
    const postings = this.postingsFor(values);
    if (postings !== undefined) {
      const sums = postings.sums(positions, values, this.rows);
      for (let row = 0; row < this.rows; row++) best.offer(sums[row]!, this.sequences[row]!, row);
      return best;
    }
    for (let row = 0; row < this.rows; row++) {
      const offset = row * dimension;
      // NOTE: only reached while the rows' values are held (see `search`).
      if (data === undefined) break;
      let sum = 0;
      for (let index = 0; index < nonZero; index++) sum += data[offset + positions[index]!]! * values[index]!;
      best.offer(sum, this.sequences[row]!, row);
    }
    return best;
  }

  /**
   * The posting lists for a sparse query whose non-zero `values` are all finite (see `SparsePostings`),
   * made now if the rows are sparse; undefined when they are not, or the query is not finite.
   */
  private postingsFor(values: Float64Array): SparsePostings | undefined {
    for (let index = 0; index < values.length; index++)
      if (!Number.isFinite(values[index]!)) return undefined;
    if (this.postings !== undefined || this.data === undefined) return this.postings;
    if (this.densePostingRows > 0 && this.rows < 2 * this.densePostingRows) return undefined;
    const postings = new SparsePostings(this.dimension);
    for (let row = 0; row < this.rows; row++) postings.add(row, this.data, row * this.dimension);
    if (postings.entries * 4 > this.rows * this.dimension) {
      this.densePostingRows = this.rows;
      return undefined;
    }
    this.postings = postings;
    return postings;
  }

  /** The int8 pre-scan, then an exact re-rank of the rows that can still be in the top k. */
  private prescanSearch(query: Float64Array, k: number): TopK {
    const floor = this.prescanBounds(query, k);
    if (floor === undefined) return this.exactSearch(query, k);
    const { upper, sequences } = this;
    const best = new TopK(k);
    for (let row = 0; row < this.rows; row++) {
      if (upper[row]! >= floor) best.offer(this.exactScore(row, query), sequences[row]!, row);
    }
    return best;
  }

  /**
   * The int8 pre-scan: each row's upper bound into `upper`, and the k-th best lower bound (the floor
   * an upper bound must reach for its row to be in the top k); undefined when the query is outside the
   * safe range (every row must then be scored exactly).
   */
  private prescanBounds(query: Float64Array, k: number): number | undefined {
    let largest = 0;
    for (let index = 0; index < query.length; index++) largest = Math.max(largest, Math.abs(query[index]!));
    if (!(largest >= safeMin && largest <= safeMax)) return undefined;
    let squared = 0;
    for (let index = 0; index < query.length; index++) squared += (query[index]! / largest) ** 2;
    const queryNorm = largest * Math.sqrt(squared);
    if (this.kernel === undefined && this.simd) this.kernel = this.moveCodesToKernel();
    const rows = this.rows;
    if (this.upper.length < rows) this.upper = new Float64Array(this.capacity);
    const upper = this.upper;
    // NOTE: in JavaScript the sums are written to `upper` and replaced there, row by row, by the bound.
    const { sums, factor, queryError } =
      this.kernel === undefined ? this.prescanInJs(query, upper) : this.prescanInKernel(query, this.kernel);
    const lower = new TopK(k);
    const { radii, codeNorms, scales, sequences } = this;
    const growth = 1 + roundingSlack;
    let floor = -Infinity;
    for (let row = 0; row < rows; row++) {
      const margin = (codeNorms[row]! * queryError + radii[row]! * queryNorm) * growth;
      // NOTE: a row outside the safe range (infinite radius) may even have a NaN estimate: it is always
      // a candidate.
      const score = margin === Infinity ? 0 : scales[row]! * factor * sums[row]!;
      upper[row] = score + margin;
      const low = score - margin;
      if (low > floor) {
        lower.offer(low, sequences[row]!, row);
        floor = lower.threshold;
      }
    }
    // NOTE: k rows score at least `floor` exactly, so the k-th best exact score is >= floor and any
    // row of the top k has an upper end >= floor.
    return floor;
  }

  /**
   * c·b per row from the SIMD kernel, with b the query in int16 (scale t, returned as `factor`, so a
   * row's estimate is s·t·(c·b)) and |q − t·b| as `queryError`.
   */
  private prescanInKernel(query: Float64Array, kernel: Int8DotKernel): PrescanSums {
    const { dimension, stride } = this;
    let largest = 0;
    for (let index = 0; index < dimension; index++) largest = Math.max(largest, Math.abs(query[index]!));
    const limit = queryLimit(stride);
    const queryScale = largest / limit;
    const queryOffset = this.capacity * stride;
    const outOffset = queryOffset + 2 * stride;
    const codes = new Int16Array(kernel.memory.buffer, queryOffset, stride);
    let squaredError = 0;
    for (let index = 0; index < dimension; index++) {
      // NOTE: clamped, so a subnormal query's rounding can neither wrap an int16 nor overflow a sum.
      const code =
        queryScale === 0 ? 0 : Math.max(-limit, Math.min(limit, Math.round(query[index]! / queryScale)));
      codes[index] = code;
      // NOTE: scaled by the largest component, so squares of small errors do not underflow to 0.
      squaredError += ((query[index]! - code * queryScale) / largest) ** 2;
    }
    kernel.dot(0, queryOffset, outOffset, this.rows, stride);
    return {
      sums: new Int32Array(kernel.memory.buffer, outOffset, this.rows),
      factor: queryScale,
      queryError: largest * Math.sqrt(squaredError),
    };
  }

  /** c·q per row in JavaScript, written to `into` (no query rounding: `factor` 1, `queryError` 0). */
  private prescanInJs(query: Float64Array, into: Float64Array): PrescanSums {
    const { codes, dimension, stride } = this;
    for (let row = 0; row < this.rows; row++) {
      const offset = row * stride;
      let sum0 = 0;
      let sum1 = 0;
      let index = 0;
      for (; index + 1 < dimension; index += 2) {
        sum0 += codes[offset + index]! * query[index]!;
        sum1 += codes[offset + index + 1]! * query[index + 1]!;
      }
      if (index < dimension) sum0 += codes[offset + index]! * query[index]!;
      into[row] = sum0 + sum1;
    }
    return { sums: into, factor: 1, queryError: 0 };
  }

  /** The exact dot product of one row with the query (`exactDot`; only while values are held). */
  private exactScore(row: number, query: Float64Array): number {
    return this.data === undefined ? NaN : exactDot(this.data, row * this.dimension, query);
  }

  /** Fills the row's int8 codes, scale and error radius from its stored values. */
  private quantise(row: number, data: ArrayLike<number>, offset: number): void {
    const { codes, dimension } = this;
    const codeOffset = row * this.stride;
    let largest = 0;
    for (let index = 0; index < dimension; index++)
      largest = Math.max(largest, Math.abs(data[offset + index]!));
    const scale = largest / 127;
    // NOTE: |value| <= largest, so value · (127 / largest) rounds within ±127; where 127 / largest
    // overflows (subnormal rows) divide by the scale and clamp. The bound uses the actual residual.
    // Rounded by Math.floor(x + 0.5): V8 runs Math.round here several times slower.
    const inverse = 127 / largest;
    const fast = Number.isFinite(inverse);
    // NOTE: a multiply by the reciprocal (one more rounding a term, far inside roundingSlack), not a divide.
    const reciprocal = 1 / largest;
    let squaredError = 0;
    let squaredCodes = 0;
    for (let index = 0; index < dimension; index++) {
      const value = data[offset + index]!;
      const code =
        scale === 0
          ? 0
          : fast
            ? Math.floor(value * inverse + 0.5)
            : Math.max(-127, Math.min(127, Math.floor(value / scale + 0.5)));
      codes[codeOffset + index] = code;
      // NOTE: errors are summed scaled by the largest component, so small squares do not underflow;
      // squares are products (V8 computes \`** 2\` by a call to pow: most of a load's time).
      const error = (value - code * scale) * reciprocal;
      squaredError += error * error;
      squaredCodes += code * code;
    }
    this.scales[row] = scale;
    this.codeNorms[row] = scale * Math.sqrt(squaredCodes) * (1 + roundingSlack);
    // NOTE: an all-zero row scores exactly 0 (radius 0); a row outside the safe range is always a
    // candidate (infinite radius).
    this.radii[row] =
      largest === 0
        ? 0
        : largest >= safeMin && largest <= safeMax
          ? // NOTE: |v| <= largest · √d bounds the rounding term (slack · |v|) without summing |v|².
            largest * (Math.sqrt(squaredError) * (1 + roundingSlack) + roundingSlack * Math.sqrt(dimension))
          : Infinity;
  }

  private grow(capacity: number): void {
    const dimension = this.dimension;
    if (this.dropValues && capacity >= this.prescanFrom) {
      this.data = undefined;
      this.postings = undefined;
    } else if (this.data !== undefined) {
      const data = this.valueArray(capacity);
      data.set(this.data.subarray(0, this.rows * dimension));
      this.data = data;
    }
    this.dataBytes = undefined;
    if (this.kernel === undefined && this.simd && capacity >= this.prescanFrom) {
      // NOTE: reaching pre-scan size, the codes move to kernel memory now, not in the next query.
      this.kernel = createInt8DotKernel(this.kernelBytes(capacity));
    }
    if (this.kernel === undefined) {
      const codes = new Int8Array(capacity * this.stride);
      codes.set(this.codes.subarray(0, this.rows * this.stride));
      this.codes = codes;
    } else if (this.kernel.memory.buffer !== this.codes.buffer) {
      const codes = new Int8Array(this.kernel.memory.buffer, 0, capacity * this.stride);
      codes.set(this.codes.subarray(0, this.rows * this.stride));
      this.codes = codes;
    } else {
      // NOTE: growing a WebAssembly memory keeps its bytes in place but detaches the old views.
      const { memory } = this.kernel;
      const missing = this.kernelBytes(capacity) - memory.buffer.byteLength;
      if (missing > 0) memory.grow(Math.ceil(missing / 65_536));
      this.codes = new Int8Array(memory.buffer, 0, capacity * this.stride);
    }
    this.sequences = resized(this.sequences, capacity, this.rows);
    this.scales = resized(this.scales, capacity, this.rows);
    this.radii = resized(this.radii, capacity, this.rows);
    this.codeNorms = resized(this.codeNorms, capacity, this.rows);
  }

  /** A kernel whose memory holds a copy of the codes (now viewed there), or undefined without SIMD. */
  private moveCodesToKernel(): Int8DotKernel | undefined {
    const kernel = createInt8DotKernel(this.kernelBytes(this.capacity));
    if (kernel === undefined) return undefined;
    const codes = new Int8Array(kernel.memory.buffer, 0, this.capacity * this.stride);
    codes.set(this.codes);
    this.codes = codes;
    return kernel;
  }

  private valueArray(capacity: number): Float32Array | Float64Array {
    return this.precision === 'float64'
      ? new Float64Array(capacity * this.dimension)
      : new Float32Array(capacity * this.dimension);
  }

  /** Rows the arrays have room for. */
  private get capacity(): number {
    return this.sequences.length;
  }

  /** Kernel memory for `capacity` rows: their codes, then the int16 query, then one int32 a row. */
  private kernelBytes(capacity: number): number {
    return capacity * this.stride + 2 * this.stride + 4 * capacity;
  }

  /** The row of `sequence` by binary search (rows are in sequence order), or -1. */
  private rowOf(sequence: number): number {
    let low = 0;
    let high = this.rows - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const found = this.sequences[middle]!;
      if (found === sequence) return middle;
      if (found < sequence) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}

function resized(array: Float64Array, capacity: number, used: number): Float64Array {
  const next = new Float64Array(capacity);
  next.set(array.subarray(0, used));
  return next;
}

/**
 * The exact score of the row of `values` starting at `offset` with `query` (see
 * `VectorIndex.exactQuery`): one accumulator, in component order, so every path and every caller
 * that re-scores candidates gets the same sums.
 */
export function exactDot(values: ArrayLike<number>, offset: number, query: Float64Array): number {
  let sum = 0;
  for (let index = 0; index < query.length; index++) sum += values[offset + index]! * query[index]!;
  return sum;
}
