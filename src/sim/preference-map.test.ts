import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../spec/index.js';
import { checkPreferenceMap, loadPreferenceMapFile } from './preference-map.js';
import { invalidInputOf, temporaryInputFolder } from './test-input-files.js';

const inputs = temporaryInputFolder('tailor-preference-map-');

function mapFile(content: string | Uint8Array, extension = 'json'): Promise<string> {
  return inputs.write(content, 'map', extension);
}

function loadError(path: string): Promise<InvalidInputError> {
  return invalidInputOf(loadPreferenceMapFile(path));
}

const expected = { news: 'short sentences, playful', forum: 'second person narrative, brief' };

describe('loadPreferenceMapFile', () => {
  it('reads a JSON object', async () => {
    const path = await mapFile(JSON.stringify(expected, null, 2));
    expect(await loadPreferenceMapFile(path)).toEqual(expected);
  });

  it.each(['jsonl', 'json', 'txt'])('reads JSONL {source, preference} lines from a .%s file', async (ext) => {
    const lines = Object.entries(expected).map(([source, preference]) =>
      JSON.stringify({ source, preference }),
    );
    const path = await mapFile(`${lines.join('\n')}\n\n`, ext);
    expect(await loadPreferenceMapFile(path)).toEqual(expected);
  });

  it('reads a one-line JSONL file named .json as one record, not a map of "source" and "preference"', async () => {
    const path = await mapFile(JSON.stringify({ source: 'news', preference: 'playful' }));
    expect(await loadPreferenceMapFile(path)).toEqual({ news: 'playful' });
  });

  it('keeps a source named __proto__ as an own entry', async () => {
    const path = await mapFile('{"__proto__": "odd but valid"}');
    const map = await loadPreferenceMapFile(path);
    expect(Object.keys(map)).toEqual(['__proto__']);
  });

  it('rejects a missing file and bytes that are not UTF-8, naming the path', async () => {
    const absent = join(inputs.path, 'absent.json');
    expect((await loadError(absent)).message).toContain(`${absent}: file not found`);
    const latin1 = await mapFile(Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x22, 0x78, 0x22, 0x7d]));
    expect((await loadError(latin1)).message).toContain(`${latin1}:1: not valid UTF-8`);
  });

  it('rejects malformed JSON, naming the file', async () => {
    const path = await mapFile('{\n  "news": "playful",\n  "forum" 2\n}');
    const error = await loadError(path);
    expect(error.message).toContain(path);
    expect(error.message).toContain('malformed JSON');
  });

  it('rejects a malformed JSONL line with its number', async () => {
    const path = await mapFile('{"source": "news", "preference": "playful"}\n{"source": "forum",\n', 'jsonl');
    expect((await loadError(path)).message).toContain(`${path}:2: malformed JSON`);
  });

  it.each([
    ['an array', '["news", "playful"]', 'expected a JSON object, got an array'],
    [
      'a non-string preference',
      '{"news": "playful", "forum": 3}',
      'preference of source "forum" is not a string',
    ],
    ['an empty preference', '{"news": "  "}', 'empty or whitespace-only preference for source "news"'],
    ['an empty source', '{"": "playful"}', 'empty or whitespace-only source'],
    ['an empty object', '{}', 'the file holds no preference'],
  ])('rejects %s', async (_name, content, problem) => {
    const path = await mapFile(content);
    const error = await loadError(path);
    expect(error.message).toContain(path);
    expect(error.message).toContain(problem);
  });

  it.each([
    ['a missing source', '{"preference": "playful"}', 'missing field "source"'],
    ['a missing preference', '{"source": "news"}', 'missing preference for source "news"'],
    ['a non-string source', '{"source": 1, "preference": "playful"}', 'field "source" is not a string'],
    ['a non-object line', '"news"', 'expected a JSON object'],
  ])('rejects a JSONL line with %s', async (_name, line, problem) => {
    const path = await mapFile(`{"source": "forum", "preference": "brief"}\n${line}\n`, 'jsonl');
    expect((await loadError(path)).message).toContain(`${path}:2: ${problem}`);
  });

  it('rejects a source given twice in JSONL, naming both lines', async () => {
    const line = JSON.stringify({ source: 'news', preference: 'playful' });
    const path = await mapFile(`${line}\n\n${line}\n`, 'jsonl');
    expect((await loadError(path)).message).toContain(
      `${path}:3: source "news" given twice (first on line 1)`,
    );
  });
});

describe('checkPreferenceMap', () => {
  it('accepts a map covering exactly the corpus sources', () => {
    expect(() => checkPreferenceMap(expected, ['forum', 'news', 'news'])).not.toThrow();
  });

  it('names unknown and missing sources', () => {
    let error: unknown;
    try {
      checkPreferenceMap({ ...expected, recipes: 'numbered steps' }, ['news', 'forum', 'encyclopedia']);
    } catch (thrown) {
      error = thrown;
    }
    expect(InvalidInputError.isInstance(error)).toBe(true);
    const invalid = error as InvalidInputError;
    expect(invalid.value).toEqual({ unknown: ['recipes'], missing: ['encyclopedia'] });
    expect(invalid.message).toContain('unknown sources (not in the corpus): recipes');
    expect(invalid.message).toContain('sources of the corpus missing from the map: encyclopedia');
  });

  it('reports only missing sources when nothing is unknown', () => {
    expect(() => checkPreferenceMap({ news: 'playful' }, ['news', 'forum'])).toThrow(
      /^preference map does not match the corpus: sources of the corpus missing from the map: forum;/,
    );
  });
});
