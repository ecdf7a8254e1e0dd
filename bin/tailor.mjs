#!/usr/bin/env node
// The `tailor` command. An installed package (or a checkout after `npm run build`) runs the built
// JavaScript in dist/ in this process; a checkout without a build runs the TypeScript sources through
// tsx in a child process, passing it Ctrl-C and SIGTERM and exiting with its exit code.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'cli', 'main.js');

if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  // NOTE: tsx is resolved from this package, not from the working directory.
  let tsx;
  try {
    tsx = import.meta.resolve('tsx');
  } catch {
    process.stderr.write(
      'tailor: no build in dist/ and no tsx: run `npm install` (or `npm run build`) first\n',
    );
    process.exit(1);
  }
  const child = spawn(
    process.execPath,
    ['--import', tsx, join(root, 'src', 'cli', 'main.ts'), ...process.argv.slice(2)],
    // NOTE: in its own process group, so a Ctrl-C in the terminal reaches the child once (relayed
    // below), not twice (a second SIGINT means "quit now" to `tailor bench`).
    { stdio: 'inherit', detached: true },
  );
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => forward(signal));
  child.on('error', (error) => {
    process.stderr.write(`tailor: could not start the TypeScript CLI through tsx: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal !== null) {
      // Die of the same signal, so the caller sees how the child ended.
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
      return;
    }
    process.exit(code ?? 1);
  });
}
