import { describe, expect, it } from 'vitest';
import { commandExamples, commandPaths, createProgram, packageVersion } from './program.js';

/** `tailor --help` as printed, without exiting. */
function helpText(): string {
  const program = createProgram();
  let text = '';
  program.configureOutput({ writeOut: (chunk) => void (text += chunk) });
  program.outputHelp();
  return text;
}

describe('tailor --help', () => {
  it('has an example for every command and subcommand', () => {
    const paths = commandPaths(createProgram());
    expect(paths).toEqual(expect.arrayContaining(['bench', 'serve', 'keys', 'keys create']));
    for (const path of paths) expect(commandExamples[path], path).toBeDefined();
  });

  it('lists every command with its example', () => {
    const help = helpText();
    for (const path of commandPaths(createProgram())) {
      expect(help).toContain(`$ ${commandExamples[path]?.[0]}`);
      expect(help).toMatch(new RegExp(`\\$ tailor ${path}\\b`));
    }
    expect(help).toContain('$ tailor --version');
  });

  it('prints the version of package.json', () => {
    let out = '';
    const program = createProgram().configureOutput({ writeOut: (chunk) => void (out += chunk) });
    expect(() => program.parse(['node', 'tailor', '--version'])).toThrow();
    expect(out.trim()).toBe(packageVersion());
    expect(packageVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
