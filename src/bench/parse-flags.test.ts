import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../spec/index.js';
import {
  ensureWritableDirectory,
  parseAblations,
  parsePositiveInteger,
  parseSeeds,
  parseTasks,
  withAblations,
} from './parse-flags.js';

function errorOf(run: () => unknown): InvalidInputError {
  try {
    run();
  } catch (error) {
    if (InvalidInputError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
}

describe('bench flags', () => {
  it('accepts the two tasks and names the flag and accepted values otherwise', () => {
    expect(parseTasks('summarization, email,summarization')).toEqual(['summarization', 'email']);
    const error = errorOf(() => parseTasks('summarisation'));
    expect(error.field).toBe('--task');
    expect(error.message).toContain('"summarisation"');
    expect(error.message).toContain('summarization, email');
    expect(() => parseTasks(' , ')).toThrow(/--task/);
  });

  it('parses rounds and seeds strictly', () => {
    expect(parsePositiveInteger('--rounds', '200')).toBe(200);
    for (const bad of ['0', '-3', '2.5', 'ten', '', '1e3']) {
      expect(errorOf(() => parsePositiveInteger('--rounds', bad)).field).toBe('--rounds');
    }
    expect(errorOf(() => parsePositiveInteger('--rounds', '300', 200)).message).toContain('1 to 200');
    expect(parseSeeds('2,0,2,1')).toEqual([2, 0, 1]);
    expect(errorOf(() => parseSeeds('0,x')).message).toContain('"x"');
  });

  it('rejects an --out that cannot be a writable folder', async () => {
    const root = await mkdtemp(join(tmpdir(), 'tailor-flags-'));
    await ensureWritableDirectory('--out', join(root, 'new', 'folder'));
    const file = join(root, 'file');
    await writeFile(file, 'x');
    await expect(ensureWritableDirectory('--out', join(file, 'sub'))).rejects.toThrow(/--out/);
  });
});

describe('--ablate', () => {
  it('adds each refine-verify-K learner’s ablations after it, and names an unknown part', () => {
    expect(withAblations(['refine-verify-5', 'cipher-5'], parseAblations('verify, refine,verify'))).toEqual([
      'refine-verify-5',
      'refine-verify-5-without-verify',
      'refine-verify-5-without-refine',
      'cipher-5',
    ]);
    const error = errorOf(() => parseAblations('refine,memory'));
    expect(error.field).toBe('--ablate');
    expect(error.message).toContain('memory');
    expect(error.message).toContain('recency');
  });
});
