import { InvalidInputError } from '../spec/index.js';
import {
  inputFileError,
  lineAtOffset,
  parseJsonObjectLine,
  readUtf8File,
  type FileLocation,
} from './input-file.js';

/** A latent preference per corpus source: `{ "<source>": "<preference text>" }`. */
export type PreferenceMap = Record<string, string>;

const acceptedFile =
  'a JSON object {"<source>": "<preference text>", ...} or JSONL lines {"source": string, "preference": string}';

/**
 * Reads a preference map file, in either form:
 * - a JSON object `{ "<source>": "<preference text>" }`;
 * - JSONL, one `{"source", "preference"}` object per line (blank lines skipped); chosen for a
 *   `.jsonl`/`.ndjson` name, or when the file is not one JSON document.
 * Throws InvalidInputError naming the file (and line) and the problem: missing, unreadable or not
 * UTF-8 file, malformed JSON, a non-string or empty source or preference, a source given twice in
 * JSONL, or no entry at all. In the JSON object form a repeated key keeps its last value (JSON rules).
 *
 * @example
 * const map = await loadPreferenceMapFile('preferences.json');
 * checkPreferenceMap(map, new Set(corpus.map((context) => context.source)));
 */
export async function loadPreferenceMapFile(path: string): Promise<PreferenceMap> {
  const content = await readUtf8File(path, acceptedFile);
  const map = /\.(jsonl|ndjson)$/i.test(path) ? parseLines(content, path) : parseDocument(content, path);
  if (Object.keys(map).length === 0) {
    throw inputFileError(
      { path },
      { field: 'file', value: path, problem: 'the file holds no preference', accepted: acceptedFile },
    );
  }
  return map;
}

/**
 * Checks that a preference map covers exactly the sources of a corpus. Throws InvalidInputError
 * naming the unknown sources (in the map, not in the corpus) and the missing ones (in the corpus,
 * not in the map); `value` holds `{ unknown, missing }`.
 */
export function checkPreferenceMap(map: PreferenceMap, sources: Iterable<string>): void {
  const expected = new Set(sources);
  const unknown = Object.keys(map).filter((source) => !expected.has(source));
  const missing = [...expected].filter((source) => !Object.hasOwn(map, source));
  if (unknown.length === 0 && missing.length === 0) return;
  const problems = [
    unknown.length > 0 ? `unknown sources (not in the corpus): ${unknown.join(', ')}` : '',
    missing.length > 0 ? `sources of the corpus missing from the map: ${missing.join(', ')}` : '',
  ].filter((problem) => problem !== '');
  const accepted = `a preference for each corpus source and no other: ${[...expected].join(', ')}`;
  throw new InvalidInputError({
    field: 'preferenceMap',
    value: { unknown, missing },
    accepted,
    message: `preference map does not match the corpus: ${problems.join('; ')}; accepted: ${accepted}`,
  });
}

function parseDocument(content: string, path: string): PreferenceMap {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    // Not one JSON document: if its first record line is a JSON object, read it as JSONL.
    const first = content.split('\n').find((line) => line.trim() !== '');
    if (first !== undefined && isJsonObject(first) && content.trim() !== first.trim()) {
      return parseLines(content, path);
    }
    const detail = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(detail)?.[1];
    const location: FileLocation =
      position === undefined ? { path } : { path, line: lineAtOffset(content, Number(position)) };
    throw inputFileError(location, {
      field: 'file',
      problem: `malformed JSON (${detail})`,
      accepted: acceptedFile,
      cause: error,
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw inputFileError(
      { path },
      {
        field: 'file',
        problem: `expected a JSON object, got ${Array.isArray(value) ? 'an array' : typeof value}`,
        accepted: acceptedFile,
      },
    );
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  // NOTE: a one-line JSONL file named `.json` parses as an object with exactly these two keys.
  if (keys.length === 2 && keys.includes('source') && keys.includes('preference')) {
    return parseLines(content, path);
  }
  const entries = keys.map((source): [string, string] => {
    const location: FileLocation = { path, line: lineOfKey(content, source) };
    return [checkSource(source, location), checkPreference(record[source], source, location)];
  });
  return Object.fromEntries(entries);
}

function parseLines(content: string, path: string): PreferenceMap {
  const entries: [string, string][] = [];
  const lineOfSource = new Map<string, number>();
  const lines = content.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    if (raw.trim() === '') continue;
    const location = { path, line: index + 1 };
    const record = parseJsonObjectLine(raw, location, {
      accepted: acceptedFile,
      expected: () => 'expected a JSON object {"source", "preference"}',
    });
    if (typeof record.source !== 'string') {
      throw inputFileError(location, {
        field: 'source',
        value: record.source,
        problem: record.source === undefined ? 'missing field "source"' : 'field "source" is not a string',
        accepted: acceptedFile,
      });
    }
    const source = checkSource(record.source, location);
    const previous = lineOfSource.get(source);
    if (previous !== undefined) {
      throw inputFileError(location, {
        field: 'source',
        value: source,
        problem: `source ${JSON.stringify(source)} given twice (first on line ${previous})`,
        accepted: 'one preference per source',
      });
    }
    lineOfSource.set(source, location.line);
    entries.push([source, checkPreference(record.preference, source, location)]);
  }
  return Object.fromEntries(entries);
}

function checkSource(source: string, location: FileLocation): string {
  if (source.trim() !== '') return source;
  throw inputFileError(location, {
    field: 'source',
    value: source,
    problem: 'empty or whitespace-only source',
    accepted: 'a source name with at least one non-space character',
  });
}

function checkPreference(preference: unknown, source: string, location: FileLocation): string {
  if (typeof preference === 'string' && preference.trim() !== '') return preference;
  const problem =
    preference === undefined
      ? `missing preference for source ${JSON.stringify(source)}`
      : typeof preference !== 'string'
        ? `preference of source ${JSON.stringify(source)} is not a string`
        : `empty or whitespace-only preference for source ${JSON.stringify(source)}`;
  throw inputFileError(location, {
    field: 'preference',
    value: preference,
    problem,
    accepted: 'a non-empty preference text',
  });
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** The 1-based line where a key of a JSON object is written (best effort; 1 when not found). */
function lineOfKey(content: string, key: string): number {
  const offset = content.indexOf(`${JSON.stringify(key)}`);
  return offset < 0 ? 1 : lineAtOffset(content, offset);
}
