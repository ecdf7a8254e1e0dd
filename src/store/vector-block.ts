/**
 * Consecutive rows of a `VectorIndex` as its pre-scan holds them: sequences, int8 codes (`dimension`
 * a row), and per row the scale, the code norm and the error radius its bounds use. What a SQL store
 * keeps in `memory_vector_blocks` so a cold load reads a few blobs instead of every row's floats.
 */
export interface QuantisedRows {
  readonly dimension: number;
  readonly sequences: Float64Array;
  readonly scales: Float64Array;
  readonly codeNorms: Float64Array;
  readonly radii: Float64Array;
  readonly codes: Int8Array;
}

/** Bumped whenever the layout or the quantiser changes: blocks of another format are never read. */
const blockFormat = 1;
const headerBytes = 16;

/**
 * One block's bytes: a 16-byte header (format, rows, dimension, 0 as little-endian uint32), then
 * sequences, scales, code norms and radii (float64 each, so they stay 8-byte aligned), then the codes.
 */
export function encodeVectorBlock(rows: QuantisedRows): Uint8Array {
  const count = rows.sequences.length;
  const bytes = new Uint8Array(headerBytes + count * 32 + count * rows.dimension);
  const header = new DataView(bytes.buffer);
  header.setUint32(0, blockFormat, true);
  header.setUint32(4, count, true);
  header.setUint32(8, rows.dimension, true);
  let offset = headerBytes;
  for (const column of [rows.sequences, rows.scales, rows.codeNorms, rows.radii]) {
    bytes.set(new Uint8Array(column.buffer, column.byteOffset, count * 8), offset);
    offset += count * 8;
  }
  bytes.set(new Uint8Array(rows.codes.buffer, rows.codes.byteOffset, count * rows.dimension), offset);
  return bytes;
}

/**
 * The rows of a block's bytes, as views of them (copied once when they are not 8-byte aligned);
 * undefined when the bytes are not a block of this format (the caller then reads the rows instead).
 */
export function decodeVectorBlock(stored: Uint8Array): QuantisedRows | undefined {
  if (stored.byteLength < headerBytes) return undefined;
  const bytes = stored.byteOffset % 8 === 0 ? stored : new Uint8Array(stored);
  const header = new DataView(bytes.buffer, bytes.byteOffset, headerBytes);
  const count = header.getUint32(4, true);
  const dimension = header.getUint32(8, true);
  if (header.getUint32(0, true) !== blockFormat || dimension === 0) return undefined;
  if (bytes.byteLength !== headerBytes + count * (32 + dimension)) return undefined;
  const column = (index: number) =>
    new Float64Array(bytes.buffer, bytes.byteOffset + headerBytes + index * count * 8, count);
  return {
    dimension,
    sequences: column(0),
    scales: column(1),
    codeNorms: column(2),
    radii: column(3),
    codes: new Int8Array(bytes.buffer, bytes.byteOffset + headerBytes + count * 32, count * dimension),
  };
}
