import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli/program.js';
import { createTestApp } from '../../src/server/test-app.js';

const root = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

/** Where a developer meets the package's name: each says the one npm installs (package.json's). */
describe(`the package name (${manifest.name})`, () => {
  it('is what the README installs', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme.includes(`npm install ${manifest.name} `), 'README: npm install <name>').toBe(true);
  });

  it('is in tailor --help', () => {
    let help = '';
    const program = createProgram().configureOutput({ writeOut: (chunk) => void (help += chunk) });
    program.outputHelp();
    expect(help).toContain(`npm install ${manifest.name}`);
  });

  it("is the OpenAPI document's title, with the package's version", async () => {
    const { app } = await createTestApp();
    const document = (await (await app.request('/openapi.json')).json()) as {
      info: { title: string; version: string };
    };
    expect(document.info).toMatchObject({ title: manifest.name, version: manifest.version });
  });

  it("is in the web UI's title", () => {
    const html = readFileSync(join(root, 'web', 'index.html'), 'utf8');
    expect(/<title>([^<]*)<\/title>/.exec(html)?.[1]).toContain(manifest.name);
  });
});
