import type { SqlDialect } from './sql-dialect.js';
import type { SqlQueries } from './sql-schema.js';
import { decodeVectorBlock, encodeVectorBlock } from './vector-block.js';
import type { QuantisedRows } from './vector-block.js';
import { defaultPrescanFrom, VectorIndex } from './vector-index.js';

/** A (tenant, user, task, kind). */
export type ScopeKind = readonly [tenant: string, user: string, task: string, kind: string];

/** A stored block's extent: it holds the (scope, kind)'s rows with `after < sequence <= last`. */
export interface BlockSpan {
  readonly after: number;
  readonly last: number;
  readonly rows: number;
}

/** Rows a block holds at most (about 3 MB at 768 dimensions). */
export const blockRows = 4_096;
/** Rows past the last block that make a reader write them as blocks (fewer are read from the table). */
export const blockTail = 256;

/** Reads one (scope, kind)'s rows after `after` (and up to `upTo`), in order, into `onRow`. */
export type EachVector = (
  after: number,
  upTo: number | undefined,
  onRow: (sequence: number, bytes: Uint8Array) => void,
) => Promise<void>;

/**
 * The blocks of `memory_vector_blocks` (`sql-migrations.ts`, version 4): a large (scope, kind)'s
 * vectors kept quantised as its `VectorIndex` holds them, so an index is loaded cold from a few blobs
 * (a fifth of the bytes of the floats, and no row by row reading) plus the rows no block holds.
 *
 * They can never be stale where it matters: a block holds exactly the rows of its sequence range
 * because (1) deleting a row deletes the block holding it (a trigger), (2) blocks are written only at
 * the `memory_versions` version the index was read at, checked with that row locked (every insert and
 * delete updates it, so no write can land between the check and the commit), and (3) a load that
 * does not add up to the row count `memory_versions` gives is not used (the caller reads the rows and
 * the blocks are written anew). Inserts never touch them: a learn stays one row.
 */
export class SqlVectorBlocks {
  /** The spans each index was loaded or last written with. */
  private readonly spans = new WeakMap<VectorIndex, readonly BlockSpan[]>();

  constructor(
    private readonly queries: SqlQueries,
    private readonly dialect: SqlDialect,
  ) {}

  /**
   * Inside one snapshot: the (scope, kind)'s index from its blocks and the rows they do not hold;
   * undefined when it has no blocks or they do not add up to `count` rows (read the rows instead).
   */
  async load(
    snapshot: SqlQueries,
    scopeKind: ScopeKind,
    count: number,
    eachVector: EachVector,
  ): Promise<VectorIndex | undefined> {
    const spans = (
      await this.blocks(snapshot, scopeKind)
        .select(['after_sequence', 'last_sequence', 'row_count'])
        .execute()
    ).map((row) => ({
      after: Number(row.after_sequence),
      last: Number(row.last_sequence),
      rows: row.row_count,
    }));
    if (spans.length === 0) return undefined;
    let index: VectorIndex | undefined;
    let dimension: number | undefined;
    const append = (sequence: number, bytes: Uint8Array) => {
      dimension ??= bytes.byteLength / 4;
      index ??= newIndex(dimension, count);
      index.appendBytes(sequence, bytes);
    };
    /** Appends the block of `spans[position]`; false when it is not what its span says. */
    const take = (position: number, block: QuantisedRows | undefined) => {
      const span = spans[position];
      if (span === undefined || block === undefined || !holds(span, block)) return false;
      if ((dimension ?? block.dimension) !== block.dimension) return false;
      dimension ??= block.dimension;
      index ??= newIndex(dimension, count);
      if (index.size > 0 && block.sequences.length > 0 && block.sequences[0]! <= index.maxSequence)
        return false;
      index.appendQuantised(block);
      return true;
    };
    // NOTE: without gaps (rows of deleted blocks, read from the table between blocks) each block is
    // appended as it arrives, so its bytes (a buffer the dialect may reuse) are never copied.
    const gapless = spans.every(
      (span, position) => span.after === (position === 0 ? 0 : spans[position - 1]!.last),
    );
    const later: Uint8Array[] = [];
    let arrived = 0;
    let valid = true;
    await this.dialect.eachBlob(snapshot, this.blocks(snapshot, scopeKind).select('data'), (bytes) => {
      if (!gapless) later.push(Uint8Array.from(bytes));
      else if (valid) valid = take(arrived, decodeVectorBlock(bytes));
      arrived++;
    });
    if (!valid || arrived !== spans.length) return undefined;
    let covered = gapless ? spans.at(-1)!.last : 0;
    for (const [position, bytes] of later.entries()) {
      const span = spans[position]!;
      if (span.after > covered) await eachVector(covered, span.after, append);
      if (!take(position, decodeVectorBlock(bytes))) return undefined;
      covered = span.last;
    }
    await eachVector(covered, undefined, append);
    if (index === undefined || index.size !== count) return undefined;
    this.spans.set(index, spans);
    return index;
  }

  /** Records that `index` was read from the rows alone: every stored block is to be replaced. */
  loadedFromRows(index: VectorIndex): void {
    this.spans.delete(index);
  }

  /** Forgets the block a deleted row was in (the trigger deleted it from the table). */
  removed(index: VectorIndex, sequence: number): void {
    const spans = this.spans.get(index);
    if (spans !== undefined) {
      this.spans.set(
        index,
        spans.filter((span) => !(sequence > span.after && sequence <= span.last)),
      );
    }
  }

  /**
   * Writes what `index` holds beyond its blocks as new blocks when that is worth it (a gap a delete
   * left, or at least `blockTail` rows past the last block; an index read from the rows alone
   * replaces them all), in one write transaction that does nothing unless the (scope, kind) is still
   * at `version` and its blocks are still those the index was read with. Best effort: a failure
   * leaves the table as it was and the next cold load reads more rows.
   */
  async write(scopeKind: ScopeKind, index: VectorIndex, version: number): Promise<void> {
    if (index.holdsValues || index.size === 0) return;
    const known = this.spans.get(index);
    const plan = planBlocks(index, known);
    if (plan.added.length === 0 && plan.replaced.length === 0 && known !== undefined) return;
    try {
      // NOTE: blocks are derived from the rows: a commit that does not wait for the disk (lost in a
      // power cut, never after a durable write that followed it) costs at most a slower cold load.
      const spans = await this.dialect.writeTransaction(
        async (transaction) => {
          const [tenant, user, task, kind] = scopeKind;
          const current = await this.dialect
            .lockRows(
              transaction
                .selectFrom('memory_versions')
                .select('version')
                .where('tenant', '=', tenant)
                .where('user_id', '=', user)
                .where('task', '=', task)
                .where('kind', '=', kind),
            )
            .executeTakeFirst();
          if (current === undefined || Number(current.version) !== version) return undefined;
          const stored = await this.blocks(transaction, scopeKind)
            .select(['after_sequence', 'last_sequence'])
            .execute();
          if (known !== undefined && !sameSpans(stored, known)) return undefined;
          const replaced =
            known === undefined ? stored.map((row) => Number(row.last_sequence)) : plan.replaced;
          if (replaced.length > 0) {
            await transaction
              .deleteFrom('memory_vector_blocks')
              .where((where) => where.and({ tenant, user_id: user, task, kind }))
              .where('last_sequence', 'in', replaced)
              .execute();
          }
          for (const block of plan.added) {
            await transaction
              .insertInto('memory_vector_blocks')
              .values({
                tenant,
                user_id: user,
                task,
                kind,
                after_sequence: block.span.after,
                last_sequence: block.span.last,
                row_count: block.span.rows,
                data: encodeVectorBlock(index.quantisedRows(block.from, block.to)),
              })
              .execute();
          }
          const kept = (known ?? []).filter((span) => !replaced.includes(span.last));
          return [...kept, ...plan.added.map((block) => block.span)].sort(
            (left, right) => left.last - right.last,
          );
        },
        { durable: false },
      );
      if (spans !== undefined) this.spans.set(index, spans);
    } catch {
      // NOTE: blocks only speed up cold loads; a failed write (a busy or read-only database) must not
      // fail the query that triggered it.
    }
  }

  /** The (scope, kind)'s blocks in sequence order, as a query to select from. */
  private blocks(queries: SqlQueries, [tenant, user, task, kind]: ScopeKind) {
    return queries
      .selectFrom('memory_vector_blocks')
      .where((where) => where.and({ tenant, user_id: user, task, kind }))
      .orderBy('last_sequence');
  }
}

/** A block to write: rows `from` to `to` of the index, and the span it will hold. */
interface PlannedBlock {
  readonly from: number;
  readonly to: number;
  readonly span: BlockSpan;
}

/**
 * The blocks to add to those the index was read with (`known`; undefined: none kept, write all):
 * one for each gap between them (a deleted block's rows, possibly none), and the rows past the last
 * one in blocks of `blockRows` once there are `blockTail` of them (merged with a last block that is
 * not full, which is then `replaced`).
 */
export function planBlocks(
  index: VectorIndex,
  known: readonly BlockSpan[] | undefined,
): { readonly added: PlannedBlock[]; readonly replaced: number[] } {
  const added: PlannedBlock[] = [];
  const replaced: number[] = [];
  let row = 0;
  let covered = 0;
  const rowsUpTo = (sequence: number) => {
    let end = row;
    while (end < index.size && index.sequenceAt(end) <= sequence) end++;
    return end;
  };
  for (const span of known ?? []) {
    if (span.after > covered) {
      const end = rowsUpTo(span.after);
      added.push({ from: row, to: end, span: { after: covered, last: span.after, rows: end - row } });
      row = end;
    }
    row += span.rows;
    covered = span.last;
  }
  let start = row;
  let after = covered;
  const last = known?.at(-1);
  if (index.size - row < (known === undefined ? 1 : blockTail)) return { added, replaced };
  if (last !== undefined && last.rows < blockRows && last.last === covered) {
    start = row - last.rows;
    after = last.after;
    replaced.push(last.last);
  }
  for (let from = start; from < index.size; from += blockRows) {
    const to = Math.min(index.size, from + blockRows);
    const lastSequence = index.sequenceAt(to - 1);
    added.push({ from, to, span: { after, last: lastSequence, rows: to - from } });
    after = lastSequence;
  }
  return { added, replaced };
}

function newIndex(dimension: number, count: number): VectorIndex {
  return new VectorIndex(dimension, {
    capacity: Math.max(count, defaultPrescanFrom),
    values: 'below-prescan',
  });
}

/** Whether a decoded block is what its span says: its row count, and sequences inside its range. */
function holds(span: BlockSpan, block: QuantisedRows): boolean {
  const count = block.sequences.length;
  if (count !== span.rows) return false;
  return count === 0 || (block.sequences[0]! > span.after && block.sequences[count - 1]! <= span.last);
}

function sameSpans(
  stored: readonly { after_sequence: number | string; last_sequence: number | string }[],
  known: readonly BlockSpan[],
): boolean {
  return (
    stored.length === known.length &&
    stored.every(
      (row, position) =>
        Number(row.after_sequence) === known[position]!.after &&
        Number(row.last_sequence) === known[position]!.last,
    )
  );
}
