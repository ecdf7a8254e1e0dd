/**
 * Embeddings are stored as little-endian Float32 bytes (4 bytes a dimension): a SQLite BLOB or a
 * PostgreSQL `bytea`. Half the size of doubles and decoded without parsing text.
 */
export function encodeEmbedding(values: readonly number[]): Buffer {
  const buffer = Buffer.allocUnsafe(values.length * 4);
  for (let index = 0; index < values.length; index++) {
    buffer.writeFloatLE(values[index] ?? 0, index * 4);
  }
  return buffer;
}

/**
 * A Float32 view of stored bytes. Copies only when the bytes are not 4-byte aligned (a typed-array view
 * needs alignment); on little-endian hosts (every platform Node supports) the view reads the values as
 * they were written.
 */
export function decodeEmbedding(bytes: Uint8Array): Float32Array {
  if (bytes.byteOffset % 4 === 0) {
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  }
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Float32Array(copy.buffer);
}

/** The stored vector as plain numbers (what `MemoryEntry.embedding` holds). */
export function embeddingToArray(bytes: Uint8Array): number[] {
  return Array.from(decodeEmbedding(bytes));
}
