import type { ClientBase } from 'pg';

/** The 11-byte signature, flags and extension length that open a binary COPY stream. */
const headerBytes = 19;
const signature = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * Runs `COPY (<select>) TO STDOUT (FORMAT binary)` on `client` and calls `onField` with each non-null
 * field's bytes, in order (one column selected: one call a row), valid until it returns. The bytes arrive as PostgreSQL holds
 * them: no hex or base64 text to make on the server and parse here, which is most of the time of
 * reading large `bytea` values through an ordinary query (`pg` has no binary results for them).
 * `select` must be literal SQL (COPY takes no parameters).
 *
 * @example
 * await copyOutBinary(client, `SELECT data FROM blocks`, (bytes) => blocks.push(bytes));
 */
export function copyOutBinary(
  client: ClientBase,
  select: string,
  onField: (bytes: Uint8Array) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const parser = new CopyBinaryParser(onField);
    let failure: unknown;
    // NOTE: a `pg` Submittable, as `pg-copy-streams` does it: the client hands it the protocol's
    // messages. A CopyData message's bytes are a view of the parser's buffer, reused for the next
    // message, so each chunk is consumed (copied) before returning.
    const submittable = {
      submit: (connection: { query: (text: string) => void }) => {
        connection.query(`COPY (${select}) TO STDOUT (FORMAT binary)`);
      },
      handleCopyData: (message: { chunk: Buffer }) => {
        if (failure !== undefined) return;
        try {
          parser.push(message.chunk);
        } catch (error) {
          failure = error;
        }
      },
      handleCommandComplete: () => undefined,
      handleRowDescription: () => undefined,
      handleDataRow: () => undefined,
      handleEmptyQuery: () => undefined,
      handlePortalSuspended: () => undefined,
      handleError: (error: unknown) => {
        failure ??= error;
      },
      handleReadyForQuery: () => {
        if (failure === undefined && !parser.finished) failure = new Error('binary COPY ended early');
        if (failure === undefined) resolve();
        else reject(failure instanceof Error ? failure : new Error(String(failure)));
      },
    };
    (client as unknown as { query: (submittable: unknown) => void }).query(submittable);
  });
}

/** A streaming reader of PostgreSQL's binary COPY format, field bytes copied once into their own array. */
class CopyBinaryParser {
  /** Bytes of a header, tuple count or field length split across chunks. */
  private pending = Buffer.alloc(0);
  private headerRead = false;
  private fieldsLeft = 0;
  /** The field being filled, and how much of it is. */
  private field: Uint8Array | undefined;
  private filled = 0;
  private scratch = new Uint8Array(0);
  finished = false;

  constructor(private readonly onField: (bytes: Uint8Array) => void) {}

  push(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length && !this.finished) {
      if (this.field !== undefined) {
        const take = Math.min(this.field.length - this.filled, chunk.length - offset);
        this.field.set(chunk.subarray(offset, offset + take), this.filled);
        this.filled += take;
        offset += take;
        if (this.filled === this.field.length) this.fieldDone();
        continue;
      }
      const need = !this.headerRead ? headerBytes : this.fieldsLeft === 0 ? 2 : 4;
      const available = this.pending.length + chunk.length - offset;
      if (available < need) {
        this.pending = Buffer.concat([this.pending, chunk.subarray(offset)]);
        return;
      }
      const fromChunk = need - this.pending.length;
      const bytes = Buffer.concat([this.pending, chunk.subarray(offset, offset + fromChunk)]);
      this.pending = Buffer.alloc(0);
      offset += fromChunk;
      this.take(bytes);
    }
  }

  private take(bytes: Buffer): void {
    if (!this.headerRead) {
      if (!bytes.subarray(0, 11).equals(signature)) throw new Error('not a binary COPY stream');
      if (bytes.readInt32BE(15) !== 0) throw new Error('binary COPY header extensions are not read');
      this.headerRead = true;
    } else if (this.fieldsLeft === 0) {
      const fields = bytes.readInt16BE(0);
      if (fields === -1) this.finished = true;
      else this.fieldsLeft = fields;
    } else {
      const length = bytes.readInt32BE(0);
      if (length === -1) this.fieldsLeft--;
      else {
        // NOTE: one buffer reused for every field (the caller copies what it keeps): large fresh
        // buffers cost their first touch of every page, more than the copy into them.
        if (this.scratch.length < length) this.scratch = new Uint8Array(length);
        this.field = this.scratch.subarray(0, length);
        this.filled = 0;
        if (length === 0) this.fieldDone();
      }
    }
  }

  private fieldDone(): void {
    const field = this.field!;
    this.field = undefined;
    this.fieldsLeft--;
    this.onField(field);
  }
}
