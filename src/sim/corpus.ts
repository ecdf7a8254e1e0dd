import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidInputError, type Context } from '../spec/index.js';
import { inputFileError, parseJsonObjectLine, readUtf8File } from './input-file.js';

/** The tasks that ship a builtin corpus under `data/<task>/`. */
export const builtinCorpusTasks = ['summarization', 'email'] as const;
export type BuiltinCorpusTask = (typeof builtinCorpusTasks)[number];

/** Largest accepted text of one record, in UTF-8 bytes. */
export const maxContextTextBytes = 100 * 1024;

const acceptedRecord = 'one JSON object per line: {"id": string, "source": string, "text": string}';

/**
 * Reads a JSONL corpus file: one `{id, source, text}` object per line. Blank lines are skipped;
 * every other line must be a valid record, so nothing is dropped silently. Extra fields are ignored.
 * Throws InvalidInputError, with the path and 1-based line in the message, when the file is
 * missing or unreadable, not UTF-8, has malformed JSON, a missing or non-string field, an empty id
 * or source, an empty or whitespace-only text, a text over 100 KB, a duplicate id, or no record.
 *
 * @example
 * const contexts = await loadCorpusFile('my-notes.jsonl');
 */
export async function loadCorpusFile(path: string): Promise<Context[]> {
  const content = await readUtf8File(path, acceptedRecord);
  const contexts: Context[] = [];
  const lineOfId = new Map<string, number>();
  const lines = content.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    if (raw.trim() === '') continue;
    const line = index + 1;
    const context = parseRecord(raw, { path, line });
    const previous = lineOfId.get(context.id);
    if (previous !== undefined) {
      throw inputFileError(
        { path, line },
        {
          field: 'id',
          value: context.id,
          problem: `duplicate id ${JSON.stringify(context.id)} (first on line ${previous})`,
          accepted: 'ids unique within the corpus',
        },
      );
    }
    lineOfId.set(context.id, line);
    contexts.push(context);
  }
  if (contexts.length === 0) {
    throw inputFileError(
      { path },
      { field: 'file', value: path, problem: 'the file holds no record', accepted: acceptedRecord },
    );
  }
  return contexts;
}

/**
 * Reads several JSONL corpus files (see {@link loadCorpusFile}) into one corpus, in the order given.
 * Throws InvalidInputError when an id appears in two files, naming both.
 */
export async function loadCorpusFiles(paths: readonly string[]): Promise<Context[]> {
  if (paths.length === 0) {
    throw new InvalidInputError({ field: 'paths', value: [], accepted: 'at least one corpus file' });
  }
  const fileOfId = new Map<string, string>();
  const corpus: Context[] = [];
  for (const path of paths) {
    for (const context of await loadCorpusFile(path)) {
      const previous = fileOfId.get(context.id);
      if (previous !== undefined) {
        throw inputFileError(
          { path },
          {
            field: 'id',
            value: context.id,
            problem: `duplicate id ${JSON.stringify(context.id)} (also in ${previous})`,
            accepted: 'ids unique across the corpus files',
          },
        );
      }
      fileOfId.set(context.id, path);
      corpus.push(context);
    }
  }
  return corpus;
}

/**
 * The folder holding a task's builtin corpus: `data/<task>/` under the package root, found from
 * this module's location (not the working directory).
 */
export function builtinCorpusDirectory(task: BuiltinCorpusTask): string {
  return join(packageRoot(), 'data', task);
}

/**
 * Reads the project's own corpus of a task: every `data/<task>/*.jsonl` file, in file-name order.
 * Each file is one source (`news.jsonl` holds the `news` documents).
 *
 * @example
 * const notes = await loadBuiltinCorpus('email'); // 4 sources × 50 notes
 */
export async function loadBuiltinCorpus(task: BuiltinCorpusTask): Promise<Context[]> {
  if (!(builtinCorpusTasks as readonly string[]).includes(task)) {
    throw new InvalidInputError({ field: 'task', value: task, accepted: builtinCorpusTasks.join(', ') });
  }
  const directory = builtinCorpusDirectory(task);
  let names: string[];
  try {
    names = (await readdir(directory)).filter((name) => name.endsWith('.jsonl')).sort();
  } catch (error) {
    throw inputFileError(
      { path: directory },
      {
        field: 'file',
        problem: 'corpus folder cannot be read',
        accepted: 'a folder of .jsonl files',
        cause: error,
      },
    );
  }
  if (names.length === 0) {
    throw inputFileError(
      { path: directory },
      { field: 'file', problem: 'no .jsonl file in the corpus folder', accepted: 'a folder of .jsonl files' },
    );
  }
  return loadCorpusFiles(names.map((name) => join(directory, name)));
}

function parseRecord(raw: string, location: { path: string; line: number }): Context {
  const record = parseJsonObjectLine(raw, location, {
    accepted: acceptedRecord,
    expected: (value) => `expected a JSON object, got ${Array.isArray(value) ? 'an array' : typeof value}`,
  });
  const id = requireString(record, 'id', location);
  const source = requireString(record, 'source', location);
  const text = requireString(record, 'text', location);
  for (const [field, fieldValue] of [
    ['id', id],
    ['source', source],
    ['text', text],
  ] as const) {
    if (fieldValue.trim() === '') {
      throw inputFileError(location, {
        field,
        value: fieldValue,
        problem: `empty or whitespace-only ${field}`,
        accepted: `a ${field} with at least one non-space character`,
      });
    }
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxContextTextBytes) {
    throw inputFileError(location, {
      field: 'text',
      value: `${bytes} bytes`,
      problem: `text of ${bytes} bytes is over the limit`,
      accepted: `a text of at most ${maxContextTextBytes} bytes (100 KB)`,
    });
  }
  return { id, source, text };
}

function requireString(
  record: Record<string, unknown>,
  field: 'id' | 'source' | 'text',
  location: { path: string; line: number },
): string {
  const value = record[field];
  if (typeof value === 'string') return value;
  throw inputFileError(location, {
    field,
    value,
    problem: value === undefined ? `missing field "${field}"` : `field "${field}" is not a string`,
    accepted: acceptedRecord,
  });
}

let cachedRoot: string | undefined;

/** The nearest folder above this module holding a package.json. */
function packageRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory) {
      throw new InvalidInputError({
        field: 'packageRoot',
        value: fileURLToPath(import.meta.url),
        accepted: 'a module inside the tailor package (a folder with package.json above it)',
      });
    }
    directory = parent;
  }
  cachedRoot = directory;
  return directory;
}
