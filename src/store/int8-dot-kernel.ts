/**
 * A WebAssembly SIMD kernel for the int8 pre-scan of `VectorIndex`: for each of `rows` rows of int8
 * codes (`stride` bytes apart, `stride` a multiple of 16, zero padded), the exact int32 dot product
 * with an int16 query, written to `out`. Sixteen codes a step (sign-extended to int16, then
 * `i32x4.dot_i16x8_s`), several times faster than a JavaScript loop over the same bytes.
 *
 * The caller keeps every sum inside int32: with |code| <= 127 and |query| <= q, that holds when
 * stride · 127 · q < 2^31 (see `queryLimit`).
 *
 * The module is written here as bytes (under 300 of them; no toolchain needed): one function
 * `dot(codes, query, out, rows, stride)` over an imported memory `env.memory`.
 */
// prettier-ignore
const functionBody = [
  // locals: row, column, row pointer (i32); sum, codes (v128)
  0x02, 0x03, 0x7f, 0x02, 0x7b,
  // block; if rows == 0 break
  0x02, 0x40, 0x20, 0x03, 0x45, 0x0d, 0x00,
  // loop over rows
  0x03, 0x40,
  // sum = 0; column = 0; row pointer = codes + row * stride
  0xfd, 0x0c, ...new Array<number>(16).fill(0), 0x21, 0x08,
  0x41, 0x00, 0x21, 0x06,
  0x20, 0x00, 0x20, 0x05, 0x20, 0x04, 0x6c, 0x6a, 0x21, 0x07,
  // loop over 16-byte columns
  0x03, 0x40,
  // codes = v128.load(row pointer + column)
  0x20, 0x07, 0x20, 0x06, 0x6a, 0xfd, 0x00, 0x00, 0x00, 0x21, 0x09,
  // sum += dot(extend_low(codes), v128.load(query + 2 · column))
  0x20, 0x08,
  0x20, 0x09, 0xfd, 0x87, 0x01,
  0x20, 0x01, 0x20, 0x06, 0x41, 0x01, 0x74, 0x6a, 0xfd, 0x00, 0x00, 0x00,
  0xfd, 0xba, 0x01, 0xfd, 0xae, 0x01,
  // sum += dot(extend_high(codes), v128.load(query + 2 · column + 16))
  0x20, 0x09, 0xfd, 0x88, 0x01,
  0x20, 0x01, 0x20, 0x06, 0x41, 0x01, 0x74, 0x6a, 0xfd, 0x00, 0x00, 0x10,
  0xfd, 0xba, 0x01, 0xfd, 0xae, 0x01,
  0x21, 0x08,
  // column += 16; continue while column < stride
  0x20, 0x06, 0x41, 0x10, 0x6a, 0x22, 0x06, 0x20, 0x04, 0x49, 0x0d, 0x00,
  0x0b,
  // out[row] = the four lanes of sum added
  0x20, 0x02, 0x20, 0x05, 0x41, 0x02, 0x74, 0x6a,
  0x20, 0x08, 0xfd, 0x1b, 0x00,
  0x20, 0x08, 0xfd, 0x1b, 0x01, 0x6a,
  0x20, 0x08, 0xfd, 0x1b, 0x02, 0x6a,
  0x20, 0x08, 0xfd, 0x1b, 0x03, 0x6a,
  0x36, 0x02, 0x00,
  // row += 1; continue while row < rows
  0x20, 0x05, 0x41, 0x01, 0x6a, 0x22, 0x05, 0x20, 0x03, 0x49, 0x0d, 0x00,
  0x0b, 0x0b, 0x0b,
];

function leb128(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  do {
    let byte = rest & 0x7f;
    rest >>>= 7;
    if (rest !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (rest !== 0);
  return bytes;
}

function section(id: number, content: readonly number[]): number[] {
  return [id, ...leb128(content.length), ...content];
}

const moduleBytes = new Uint8Array([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  // type: (i32, i32, i32, i32, i32) -> ()
  ...section(1, [0x01, 0x60, 0x05, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x00]),
  // import env.memory, at least 0 pages
  ...section(2, [0x01, 0x03, 0x65, 0x6e, 0x76, 0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00, 0x00]),
  ...section(3, [0x01, 0x00]),
  // export "dot"
  ...section(7, [0x01, 0x03, 0x64, 0x6f, 0x74, 0x00, 0x00]),
  ...section(10, [0x01, ...leb128(functionBody.length), ...functionBody]),
]);

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where WebAssembly SIMD is unavailable (then callers scan in JS). */
function kernelModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    compiled =
      typeof WebAssembly === 'object' && WebAssembly.validate(moduleBytes)
        ? new WebAssembly.Module(moduleBytes)
        : null;
  }
  return compiled;
}

/** One memory and the kernel bound to it. */
export interface Int8DotKernel {
  readonly memory: WebAssembly.Memory;
  /** Byte offsets into `memory`: codes, query (int16), out (int32). */
  dot(codes: number, query: number, out: number, rows: number, stride: number): void;
}

/** A kernel over a fresh memory of at least `bytes`; undefined without WebAssembly SIMD. */
export function createInt8DotKernel(bytes: number): Int8DotKernel | undefined {
  const module = kernelModule();
  if (module === null) return undefined;
  const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / 65_536) });
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  const dot = instance.exports.dot as (...args: number[]) => void;
  return { memory, dot: (codes, query, out, rows, stride) => dot(codes, query, out, rows, stride) };
}

/** The largest |query code| that keeps a row's sum inside int32 for codes of `stride` bytes. */
export function queryLimit(stride: number): number {
  return Math.min(32_767, Math.floor((2 ** 31 - 1) / (127 * stride)));
}
