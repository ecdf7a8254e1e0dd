import { readFile } from 'node:fs/promises';
import { InvalidInputError } from '../spec/index.js';

/** Where a problem sits in an input file: the path and, when known, the 1-based line. */
export interface FileLocation {
  readonly path: string;
  readonly line?: number;
}

/**
 * An InvalidInputError about a user-supplied file, whose message starts with `path:line:` so the
 * user can jump to the bad record. `field` names the record field (or `file`, `line`).
 */
export function inputFileError(
  location: FileLocation,
  options: { field: string; problem: string; accepted: string; value?: unknown; cause?: unknown },
): InvalidInputError {
  const where = location.line === undefined ? location.path : `${location.path}:${location.line}`;
  return new InvalidInputError({
    field: options.field,
    value: options.value,
    accepted: options.accepted,
    message: `${where}: ${options.problem}; accepted: ${options.accepted}`,
    cause: options.cause,
  });
}

/**
 * Reads a whole file as strict UTF-8 (a leading byte-order mark is removed).
 * Throws InvalidInputError naming the path when the file is missing, unreadable or not UTF-8.
 */
export async function readUtf8File(path: string, accepted: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const problem =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EISDIR'
          ? 'is a directory, not a file'
          : `file cannot be read (${String(code ?? error)})`;
    throw inputFileError({ path }, { field: 'file', problem, accepted, value: path, cause: error });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    const offset = firstInvalidUtf8Offset(bytes);
    const line = lineAtByte(bytes, offset);
    throw inputFileError(
      { path, line },
      { field: 'file', problem: `not valid UTF-8 (byte offset ${offset})`, accepted, cause: error },
    );
  }
}

/** The 1-based line of a character offset in a text. */
export function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) line++;
  }
  return line;
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < bytes.length; index++) {
    if (bytes[index] === 10) line++;
  }
  return line;
}

/** Finds the first byte where strict decoding fails, by bisecting on decodable prefixes. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const decodes = (end: number): boolean => {
    try {
      // NOTE: `stream: true` tolerates a sequence cut at `end`, so only real errors fail.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (decodes(middle)) good = middle;
    else bad = middle;
  }
  return good;
}

/**
 * One line of a JSONL file as a JSON object, or an error naming the file, the line and the problem
 * (malformed JSON, or not an object: `expected` says what was expected).
 */
export function parseJsonObjectLine(
  raw: string,
  location: { readonly path: string; readonly line: number },
  options: { readonly accepted: string; readonly expected: (value: unknown) => string },
): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw inputFileError(location, {
      field: 'line',
      problem: `malformed JSON (${detail})`,
      accepted: options.accepted,
      cause: error,
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw inputFileError(location, {
      field: 'line',
      value,
      problem: options.expected(value),
      accepted: options.accepted,
    });
  }
  return value as Record<string, unknown>;
}
