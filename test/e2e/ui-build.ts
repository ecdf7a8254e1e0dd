import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';

const webRoot = join(import.meta.dirname, '../../web');

/**
 * Build the web UI with its own Vite config into a fresh temporary folder (so test files running in
 * parallel never share an output folder) and return that folder.
 */
export async function buildWebInto(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'tailor-web-'));
  await build({
    configFile: join(webRoot, 'vite.config.ts'),
    root: webRoot,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}
