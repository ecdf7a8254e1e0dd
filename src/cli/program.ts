import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerCommands } from './commands/index.js';

/** The npm package that ships the `tailor` command. */
export const packageName = '@tailor-prefs/tailor';

/** A command line and what it does (empty: the line says it all). */
type Example = readonly [line: string, note: string];

/**
 * One example for every command and subcommand, shown together by `tailor --help` (each command's own
 * `--help` has more). A test checks that every registered command has one.
 */
export const commandExamples: Readonly<Record<string, Example>> = {
  bench: ['tailor bench --task email --rounds 50 --seeds 0', "the paper's experiment, offline"],
  serve: ['tailor serve --port 8787', 'API, chat proxy and web UI, offline writer'],
  keys: ['tailor keys --help', 'create, list and revoke API keys'],
  'keys create': ['tailor keys create --tenant acme --label "writing app"', 'prints the secret once'],
  'keys list': ['tailor keys list --tenant acme', ''],
  'keys revoke': ['tailor keys revoke <key id>', ''],
};

/** Every command's path under the program (`serve`, `keys create`, ...), in registration order. */
export function commandPaths(command: Command, prefix = ''): string[] {
  return command.commands.flatMap((sub) => {
    const path = prefix === '' ? sub.name() : `${prefix} ${sub.name()}`;
    return [path, ...commandPaths(sub, path)];
  });
}

/** The text after the command list of `tailor --help`: an example for each command, then where to go. */
export function overviewHelp(program: Command): string {
  const examples: Example[] = [
    ...commandPaths(program).map((path): Example => commandExamples[path] ?? [`tailor ${path} --help`, '']),
    ['tailor --version', `the version of ${packageName}`],
  ];
  const width = Math.max(...examples.map(([line]) => line.length));
  return [
    '',
    'Examples:',
    ...examples.map(([line, note]) => (note === '' ? `  $ ${line}` : `  $ ${line.padEnd(width)}  # ${note}`)),
    '',
    'Run `tailor <command> --help` for every option of a command and more examples.',
    `As a library: npm install ${packageName} (README "Use it in your app").`,
  ].join('\n');
}

/** The version in the package's package.json (two folders up from this file, built or not). */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: string;
  };
  return manifest.version ?? 'unknown';
}

/**
 * The `tailor` command line: parses flags and calls core; every error is turned into a message and an
 * exit code by `describeCliError` (in `main.ts`).
 */
export function createProgram(): Command {
  const program = new Command('tailor')
    .description("Learn each user's writing preferences from their edits (PRELUDE / CIPHER).")
    .version(packageVersion(), '-V, --version', "print Tailor's version")
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerCommands(program);
  program.addHelpText('after', () => overviewHelp(program));
  return program;
}
