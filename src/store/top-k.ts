/** One scored row of a scan: its score, its sequence (the tie-break) and its row in the scanned block. */
export interface ScoredRow {
  readonly sequence: number;
  readonly similarity: number;
  readonly row: number;
}

/**
 * The best k of a stream of (score, sequence, row) by descending score, ties to the smaller sequence
 * (the earlier entry), in O(log k) per offer and O(k) memory: a binary heap whose root is the worst
 * kept item, so a candidate is compared with the root and most are rejected in one comparison.
 *
 * @example
 * const best = new TopK(3);
 * best.offer(0.9, 12, 0); best.offer(0.4, 13, 1);
 * best.sorted(); // [{ similarity: 0.9, sequence: 12, row: 0 }, { similarity: 0.4, sequence: 13, row: 1 }]
 */
export class TopK {
  private readonly scores: Float64Array;
  private readonly sequences: Float64Array;
  private readonly rows: Int32Array;
  private size = 0;

  constructor(readonly k: number) {
    this.scores = new Float64Array(k);
    this.sequences = new Float64Array(k);
    this.rows = new Int32Array(k);
  }

  /** How many items are kept (at most k). */
  get length(): number {
    return this.size;
  }

  /** The worst kept score once k items are kept, else -Infinity (anything would be kept). */
  get threshold(): number {
    return this.size < this.k ? -Infinity : this.scores[0]!;
  }

  /** Keeps the item when it ranks among the best k seen so far. */
  offer(score: number, sequence: number, row: number): void {
    if (this.size < this.k) {
      this.siftUp(this.size++, score, sequence, row);
      return;
    }
    if (!ranksAbove(score, sequence, this.scores[0]!, this.sequences[0]!)) return;
    this.siftDown(score, sequence, row);
  }

  /** The kept items, best first. */
  sorted(): ScoredRow[] {
    const items: ScoredRow[] = [];
    for (let index = 0; index < this.size; index++) {
      items.push({
        similarity: this.scores[index]!,
        sequence: this.sequences[index]!,
        row: this.rows[index]!,
      });
    }
    return items.sort((left, right) => right.similarity - left.similarity || left.sequence - right.sequence);
  }

  /** Places an item at the new leaf `position`, moving better-ranked parents down past it. */
  private siftUp(position: number, score: number, sequence: number, row: number): void {
    let index = position;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      // NOTE: the root is the worst item, so an item climbs while it ranks below its parent.
      if (!ranksAbove(this.scores[parent]!, this.sequences[parent]!, score, sequence)) break;
      this.move(parent, index);
      index = parent;
    }
    this.place(index, score, sequence, row);
  }

  /** Replaces the root (the worst item) and restores the heap. */
  private siftDown(score: number, sequence: number, row: number): void {
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= this.size) break;
      const right = left + 1;
      let worse = left;
      if (
        right < this.size &&
        ranksAbove(this.scores[left]!, this.sequences[left]!, this.scores[right]!, this.sequences[right]!)
      ) {
        worse = right;
      }
      if (!ranksAbove(score, sequence, this.scores[worse]!, this.sequences[worse]!)) break;
      this.move(worse, index);
      index = worse;
    }
    this.place(index, score, sequence, row);
  }

  private move(from: number, to: number): void {
    this.scores[to] = this.scores[from]!;
    this.sequences[to] = this.sequences[from]!;
    this.rows[to] = this.rows[from]!;
  }

  private place(index: number, score: number, sequence: number, row: number): void {
    this.scores[index] = score;
    this.sequences[index] = sequence;
    this.rows[index] = row;
  }
}

/** Whether (score, sequence) ranks strictly before (otherScore, otherSequence). */
export function ranksAbove(
  score: number,
  sequence: number,
  otherScore: number,
  otherSequence: number,
): boolean {
  return score > otherScore || (score === otherScore && sequence < otherSequence);
}
