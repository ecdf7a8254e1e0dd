import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatRequestText, startOpenAiCompatibleServer } from '../../src/testing/openai-compatible-server.js';

/**
 * The package as a user gets it (issue 17 part 8): `npm pack` (which builds through `prepack`), the
 * tarball installed by `npm install` into an empty app, then used there by its name only — imported
 * from ESM, type-checked by `tsc --strict`, its `tailor` command run and `tailor serve` fetched.
 * Slow (a full install from the registry), so it runs only with TAILOR_TEST_PACK=1 (as `.ci/run` does).
 */
const enabled = process.env.TAILOR_TEST_PACK === '1';
const root = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const run = promisify(execFile);
const minutes = 60_000;

interface PackResult {
  readonly filename: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly files: readonly { readonly path: string }[];
}

/** The code block after `<!-- package-example: NAME -->` in the README. */
function readmeExample(name: string): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const marker = readme.indexOf(`<!-- package-example: ${name} -->`);
  const example = /```js\n([\s\S]*?)```/.exec(readme.slice(marker))?.[1];
  if (marker < 0 || example === undefined) throw new Error(`README: no example ${name}`);
  expect(example).toContain(`from '${manifest.name}`);
  return example;
}

describe.skipIf(!enabled)('the packed package, installed into an empty app', () => {
  const work = mkdtempSync(join(tmpdir(), 'tailor-pack-'));
  const app = join(work, 'app');
  const children: ChildProcess[] = [];
  let packed: PackResult;

  beforeAll(async () => {
    // NOTE: a checkout's `tailor` runs dist/ when it exists: a dist/ made only by this test is removed.
    const hadBuild = existsSync(join(root, 'dist'));
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    // NOTE: prepack's build scripts print before the JSON; the JSON array is the last thing written.
    const results = JSON.parse(stdout.slice(stdout.lastIndexOf('\n[') + 1)) as PackResult[];
    packed = results[0] as PackResult;
    if (!hadBuild) rmSync(join(root, 'dist'), { recursive: true, force: true });
    console.log(
      `tarball ${packed.filename}: ${(packed.size / 1024).toFixed(1)} kB packed, ` +
        `${(packed.unpackedSize / 1024).toFixed(1)} kB unpacked, ${packed.files.length} files`,
    );
    mkdirSync(app);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({
        name: 'tailor-consumer',
        private: true,
        type: 'module',
        // NOTE: npm runs a dependency's install script only when the app allows it (the SQLite binding).
        allowScripts: { 'better-sqlite3': true },
      }),
    );
    await run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, packed.filename)],
      {
        cwd: app,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
  }, 15 * minutes);

  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  });

  it('ships the build, the UI and the data, not the sources', () => {
    const paths = new Set(packed.files.map((file) => file.path));
    for (const path of [
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli/main.js',
      'dist/exports/server.js',
      'dist/exports/testing.js',
      'dist/ai-sdk/index.js',
      'dist/exports/client.js',
      'dist/client/openapi-types.d.ts',
      'dist/testing/openai-compatible-server.js',
      'web/dist/index.html',
      'bin/tailor.mjs',
      'data/email/paper-review.jsonl',
    ]) {
      expect(paths, path).toContain(path);
    }
    expect([...paths].filter((path) => path.startsWith('src/') || path.endsWith('.test.js'))).toEqual([]);
  });

  it('has no tsx among the installed dependencies', async () => {
    const { stdout } = await run('npm', ['ls', 'tsx', '--all', '--json'], { cwd: app }).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    expect(JSON.stringify(JSON.parse(stdout))).not.toContain('"tsx"');
    expect(existsSync(join(app, 'node_modules', 'tsx'))).toBe(false);
  });

  it('is imported by its name from ESM and drafts offline', async () => {
    writeFileSync(
      join(app, 'use.mjs'),
      `import { createTailor, createLearner, InMemoryMemory, InMemoryInteractionStore } from '${manifest.name}';
import { OfflineWriter, createLexicalEmbedder } from '${manifest.name}/testing';
import { createApp, startService } from '${manifest.name}/server';
import { tailorMiddleware } from '${manifest.name}/ai-sdk';
import { createTailorClient } from '${manifest.name}/client';
import { startOpenAiCompatibleServer } from '${manifest.name}/testing';
const writer = new OfflineWriter();
const embedder = createLexicalEmbedder();
const memory = new InMemoryMemory();
const learner = createLearner('cipher-5', { writer, embedder, memory });
const tailor = createTailor({ writer, embedder, memory, interactions: new InMemoryInteractionStore(), learner });
const draft = await tailor.generate({ tenant: 'acme', user: 'ada', task: { kind: 'summarization' },
  context: 'The red panda is a small mammal of the eastern Himalayas. It eats mostly bamboo leaves.' });
console.log(JSON.stringify({ text: draft.text, createApp: typeof createApp, startService: typeof startService, tailorMiddleware: typeof tailorMiddleware, createTailorClient: typeof createTailorClient, startOpenAiCompatibleServer: typeof startOpenAiCompatibleServer }));
`,
    );
    const { stdout } = await run(process.execPath, ['use.mjs'], { cwd: app });
    const result = JSON.parse(stdout) as Record<string, string>;
    expect(result.text).toContain('red panda');
    expect(result).toMatchObject({
      createApp: 'function',
      startService: 'function',
      tailorMiddleware: 'function',
      createTailorClient: 'function',
      startOpenAiCompatibleServer: 'function',
    });
  });

  it("runs the README's testing example (the fake OpenAI-compatible server of ./testing)", async () => {
    writeFileSync(join(app, 'readme-testing.mjs'), readmeExample('testing'));
    const { stdout } = await run(process.execPath, ['readme-testing.mjs'], { cwd: app });
    expect(stdout.trim()).toBe('Friday works for me. 429 2');
  });

  it("runs the README's library example", async () => {
    writeFileSync(join(app, 'readme-library.mjs'), readmeExample('library'));
    const { stdout } = await run(process.execPath, ['readme-library.mjs'], { cwd: app });
    expect(stdout).toContain('bullet points');
  });

  it("runs the README's AI SDK example against a fake OpenAI-compatible server", async () => {
    const server = await startOpenAiCompatibleServer();
    try {
      server.enqueueChat(
        { type: 'text', text: 'Friday works for me. I will move the review and tell the team.' },
        { type: 'text', text: '- Yes, Friday at ten.' },
      );
      // NOTE: the example builds on the library example's `tailor`, as the README says.
      writeFileSync(join(app, 'readme-ai-sdk.mjs'), readmeExample('library') + readmeExample('ai-sdk'));
      const { stdout } = await run(process.execPath, ['readme-ai-sdk.mjs'], {
        cwd: app,
        env: { ...process.env, OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: 'test-key' },
      });
      expect(stdout).toContain('- Yes, Friday at ten.');
      const [first, second] = server.requestsTo('/v1/chat/completions').map((request) => request.body);
      expect(chatRequestText(first)).not.toContain('<preference>');
      // NOTE: refine-verify-5 may also keep negatives the edit shows ("no rhetorical questions").
      expect(chatRequestText(second)).toMatch(/<preference>\s*bullet points[^<]*<\/preference>/);
    } finally {
      await server.close();
    }
  });

  it(
    'type-checks a consumer with tsc --strict',
    async () => {
      // NOTE: a TypeScript app has @types/node; the AI SDK's declarations also name json-schema's types.
      mkdirSync(join(app, 'node_modules', '@types'), { recursive: true });
      for (const types of ['node', 'json-schema']) {
        symlinkSync(join(root, 'node_modules', '@types', types), join(app, 'node_modules', '@types', types));
      }
      writeFileSync(
        join(app, 'consumer.ts'),
        `import {
  createTailor,
  createLearner,
  InMemoryMemory,
  InMemoryInteractionStore,
  InvalidInputError,
  type GenerateResult,
  type LearnOutcome,
  type Tailor,
} from '${manifest.name}';
import { OfflineWriter, SimulatedUser, createLexicalEmbedder } from '${manifest.name}/testing';
import { createApp, startService, type ServiceOptions } from '${manifest.name}/server';
import { tailorMiddleware, type TailorDraft } from '${manifest.name}/ai-sdk';
import { createTailorClient, type TailorApiErrorCode, type TailorApiSchemas } from '${manifest.name}/client';
import { startOpenAiCompatibleServer, type FakeOpenAiCompatibleServer } from '${manifest.name}/testing';
import { wrapLanguageModel } from 'ai';
import type { LanguageModelV3 } from '@ai-sdk/provider';

const writer = new OfflineWriter();
const embedder = createLexicalEmbedder();
const memory = new InMemoryMemory();
const tailor: Tailor = createTailor({
  writer,
  embedder,
  memory,
  interactions: new InMemoryInteractionStore(),
  learner: createLearner('cipher-5', { writer, embedder, memory }),
});
const draft: GenerateResult = await tailor.generate({ tenant: 'acme', user: 'ada', task: { kind: 'email' }, context: 'notes' });
const outcome: LearnOutcome = await tailor.learn({ tenant: 'acme', interactionId: draft.interactionId, edited: draft.text });
const options: ServiceOptions = { store: 'x.sqlite', port: 0, host: '127.0.0.1', model: 'sim', embedder: 'lexical', learner: 'cipher-5' };
const error: Error = new InvalidInputError({ field: 'context', value: '', accepted: 'a text' });
declare const base: LanguageModelV3;
const middleware = tailorMiddleware({ tailor, user: 'ada' });
const wrapped = wrapLanguageModel({ model: base, middleware });
const last: TailorDraft | undefined = middleware.lastDraft;
const client = createTailorClient({ baseUrl: 'http://127.0.0.1:8787', apiKey: () => 'key' });
const answer = await client.POST('/v1/generate', { body: { user: 'ada', task: 'email', context: 'notes' } });
const served: TailorApiSchemas['GenerateResponse'] | undefined = answer.data;
const code: TailorApiErrorCode | undefined = answer.error?.error.code;
// @ts-expect-error: a path the API does not have
await client.GET('/v1/no-such-path');
// @ts-expect-error: generate needs a context
await client.POST('/v1/generate', { body: { user: 'ada', task: 'email' } });
const fake: FakeOpenAiCompatibleServer = await startOpenAiCompatibleServer();
await fake.close();
export { outcome, options, error, createApp, startService, SimulatedUser, wrapped, last, served, code };
`,
      );
      const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
      const args = ['--strict', '--noEmit', '--module', 'nodenext', '--moduleResolution', 'nodenext'];
      const result = await run(
        process.execPath,
        [tsc, ...args, '--target', 'es2022', '--types', 'node', 'consumer.ts'],
        { cwd: app },
      ).catch((error: { stdout: string; code: number }) => error);
      expect('code' in result ? result.stdout : '').toBe('');
    },
    3 * minutes,
  );

  it("prints the package's version", async () => {
    const { stdout } = await run('npx', ['tailor', '--version'], { cwd: app });
    expect(stdout.trim()).toBe(manifest.version);
  });

  /** `tailor serve` of the installed package on a free port, once it says where it serves. */
  async function startInstalledServe(args: readonly string[]): Promise<{ child: ChildProcess; url: string }> {
    const bin = join(app, 'node_modules', '.bin', 'tailor');
    const child = spawn(bin, ['serve', '--port', '0', ...args], {
      cwd: app,
      env: { ...process.env, TAILOR_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`tailor serve did not start: ${output}`)), minutes);
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /serving .* at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
        if (match?.[1] !== undefined) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => reject(new Error(`tailor serve exited with ${code}: ${output}`)));
    });
    return { child, url };
  }

  it(
    'serves the UI and /healthz, and stops on SIGTERM',
    async () => {
      const { child, url } = await startInstalledServe(['--store', join(app, '.tailor', 'tailor.sqlite')]);

      const health = await fetch(new URL('healthz', url));
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });
      const page = await fetch(url);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<!doctype html>');
      expect(html).toContain(`<title>Tailor · ${manifest.name}</title>`);
      const script = /src="(?:\.?\/)?(assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      const asset = await fetch(new URL(script as string, url));
      expect(asset.status).toBe(200);

      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
    },
    2 * minutes,
  );

  it(
    "runs the README's service examples: the typed client, and the openai client through the proxy",
    async () => {
      const upstream = await startOpenAiCompatibleServer();
      // NOTE: `npm install openai`, as the README says, without the registry: the checkout's copy.
      symlinkSync(join(root, 'node_modules', 'openai'), join(app, 'node_modules', 'openai'));
      const store = join(app, '.tailor-examples', 'tailor.sqlite');
      const upstreamSpec = `openai-compatible:fake-model@${upstream.baseURL}`;
      const { child, url } = await startInstalledServe([
        '--store',
        store,
        '--no-ui',
        '--upstream',
        upstreamSpec,
      ]);
      try {
        const env = {
          ...process.env,
          TAILOR_URL: url.replace(/\/$/, ''),
          TAILOR_API_KEY: readFileSync(join(app, '.tailor-examples', 'api-key'), 'utf8').trim(),
        };
        writeFileSync(join(app, 'readme-client.mjs'), readmeExample('client'));
        const client = await run(process.execPath, ['readme-client.mjs'], { cwd: app, env });
        expect(client.stdout.trim()).toBe('bullet points 1');

        upstream.enqueueChat(
          { type: 'text', text: 'Friday works for me. I will move the review and tell the team.' },
          { type: 'text', text: '- Yes, Friday at ten.' },
        );
        writeFileSync(join(app, 'readme-proxy.mjs'), readmeExample('proxy'));
        const proxy = await run(process.execPath, ['readme-proxy.mjs'], { cwd: app, env });
        expect(proxy.stdout).toBe(
          'Friday works for me. I will move the review and tell the team.\n- Yes, Friday at ten.\n',
        );
        const [first, second] = upstream.requestsTo('/v1/chat/completions').map((request) => request.body);
        expect(chatRequestText(first)).not.toContain('bullet points');
        expect(chatRequestText(second)).toContain('bullet points');
      } finally {
        child.kill('SIGTERM');
        await once(child, 'exit');
        await upstream.close();
      }
    },
    3 * minutes,
  );
});

describe('the tailor command of a checkout (bin/tailor.mjs)', () => {
  it(
    "stops tailor serve on SIGTERM and exits with the command's code, built or not",
    async () => {
      const directory = mkdtempSync(join(tmpdir(), 'tailor-bin-'));
      const child = spawn(
        process.execPath,
        [
          join(root, 'bin', 'tailor.mjs'),
          'serve',
          '--port',
          '0',
          '--no-ui',
          '--store',
          join(directory, 't.sqlite'),
        ],
        {
          cwd: directory,
          env: { ...process.env, TAILOR_LOG_LEVEL: 'warn' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      try {
        let output = '';
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        const url = await new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`tailor serve did not start: ${output}`)), minutes);
          child.stdout.on('data', (chunk: Buffer) => {
            output += chunk.toString();
            const match = /serving .* at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
            if (match?.[1] !== undefined) {
              clearTimeout(timer);
              resolve(match[1]);
            }
          });
          child.once('exit', (code) => reject(new Error(`tailor serve exited with ${code}: ${output}`)));
        });
        expect((await fetch(new URL('healthz', url))).status).toBe(200);
        child.kill('SIGTERM');
        const [code] = (await once(child, 'exit')) as [number | null];
        expect(code).toBe(0);
        // The server itself stopped too (before, a SIGTERM to the command left it running).
        await expect(fetch(new URL('healthz', url))).rejects.toThrow();

        const unknown = await run(process.execPath, [join(root, 'bin', 'tailor.mjs'), 'no-such-command'], {
          cwd: directory,
        }).catch((error: { code: number }) => error);
        expect('code' in unknown ? unknown.code : 0).toBe(2);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
        rmSync(directory, { recursive: true, force: true });
      }
    },
    2 * minutes,
  );
});
