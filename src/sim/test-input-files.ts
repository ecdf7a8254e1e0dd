import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { InvalidInputError } from '../spec/index.js';
import { rejectionOf } from '../testing/rejection-of.js';

/**
 * A temporary folder for the input files a test file writes: made before its tests, removed after
 * them. Call at the top level of the test file.
 */
export function temporaryInputFolder(prefix: string) {
  let folder = '';
  let fileCount = 0;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });
  return {
    /** The folder's path, once the tests run. */
    get path(): string {
      return folder;
    },
    /** Writes `content` to a new file `<stem>-<n>.<extension>` in the folder and returns its path. */
    async write(content: string | Uint8Array, stem: string, extension: string): Promise<string> {
      const path = join(folder, `${stem}-${++fileCount}.${extension}`);
      await writeFile(path, content);
      return path;
    },
  };
}

/** The InvalidInputError a load rejects with; the test fails if it resolves or throws anything else. */
export function invalidInputOf(loading: Promise<unknown>): Promise<InvalidInputError> {
  return rejectionOf(loading, InvalidInputError.isInstance);
}
