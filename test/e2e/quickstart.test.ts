import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('examples/quickstart.ts (the README example)', () => {
  it(
    'learns bullet points from one edit and drafts the next similar document with them',
    { timeout: 60_000 },
    async () => {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'examples/quickstart.ts'],
        {
          cwd: root,
        },
      );
      expect(stdout).toContain('learned: bullet points');
      expect(stdout).toContain('used: bullet points');
      expect(stdout).toMatch(/\n- The snow leopard/);
    },
  );
});
