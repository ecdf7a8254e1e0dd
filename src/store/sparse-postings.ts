/**
 * The non-zero values of an index's rows, listed by component (posting lists, rows ascending): a
 * sparse query then visits only the rows' values where it is non-zero too. Hashed lexical vectors (a
 * few hundred of 4,096 components set) share few components, so this reads a small part of what a
 * scan of every row at the query's components reads.
 *
 * `sums` gives each row exactly the sum a scan gives (`VectorIndex`'s sparse path): the same products,
 * added in the same order (the query's components ascending); the products it skips are a zero value
 * times a finite or non-finite query value only where the scan skips them too (zero query values), or
 * ±0 (a zero row value times a non-zero finite query value), and adding ±0 changes no sum that starts
 * at +0 (it can never become −0). A zero row value times an infinite or NaN query value would not be
 * ±0: `sums` is only for finite queries.
 */
export class SparsePostings {
  private readonly rows: number[][];
  private readonly values: number[][];
  /** Non-zero values held. */
  entries = 0;

  constructor(readonly dimension: number) {
    this.rows = Array.from({ length: dimension }, () => []);
    this.values = Array.from({ length: dimension }, () => []);
  }

  /** Records the non-zero values of `row` (rows must be added in ascending order). */
  add(row: number, data: ArrayLike<number>, offset: number): void {
    for (let index = 0; index < this.dimension; index++) {
      const value = data[offset + index]!;
      if (value !== 0) {
        this.rows[index]!.push(row);
        this.values[index]!.push(value);
        this.entries++;
      }
    }
  }

  /** Roughly the bytes held (a row number and a value per entry). */
  get bytes(): number {
    return this.entries * 12;
  }

  /**
   * Each of the first `rowCount` rows' sum of value × query value over the query's non-zero components
   * (`positions` ascending, with their `values`), which must all be finite.
   */
  sums(positions: Int32Array, values: Float64Array, rowCount: number): Float64Array {
    const sums = new Float64Array(rowCount);
    for (let index = 0; index < positions.length; index++) {
      const component = positions[index]!;
      const rows = this.rows[component]!;
      const held = this.values[component]!;
      const factor = values[index]!;
      for (let entry = 0; entry < rows.length; entry++) {
        const row = rows[entry]!;
        sums[row] = sums[row]! + held[entry]! * factor;
      }
    }
    return sums;
  }
}
