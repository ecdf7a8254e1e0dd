// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

/** Layers (docs/architecture.md): each may import only the folders listed. */
const layers = {
  spec: [],
  prompts: ['spec'],
  core: ['spec'],
  providers: ['spec', 'prompts'],
  store: ['spec'],
  sim: ['spec', 'prompts'],
  testing: ['spec', 'core'],
  service: ['spec', 'prompts', 'core'],
  // The typed HTTP client runs in browsers too (the web UI): it imports only its generated types.
  client: [],
};
/**
 * Files of another layer that a layer may import although the layer itself is closed to it: the
 * offline world splits sentences and words with core's tokenizer, the cost's own (docs/architecture.md).
 */
const openFiles = {
  sim: { core: ['./metrics/punkt-sentence-split.ts', './metrics/word-tokenize.ts'] },
};
const allFolders = [
  'spec',
  'prompts',
  'core',
  'providers',
  'store',
  'sim',
  'testing',
  'service',
  'bench',
  'cli',
  'server',
  'client',
];

/**
 * One zone per layer: its files may not import the other layers' folders. Tests (and their support
 * files, `test-*.ts`) may also use `store` (the in-memory Memory) and `testing` (the shared doubles and
 * contract suites).
 */
function layerZones() {
  return Object.entries(layers).flatMap(([layer, allowed]) =>
    [false, true].flatMap((forTests) => {
      const target = forTests
        ? `./src/${layer}/**/{*.test,test-*}.ts`
        : `./src/${layer}/**/!(*.test|test-*).ts`;
      const open = openFiles[/** @type {keyof typeof openFiles} */ (layer)] ?? {};
      const files = Object.entries(open).flatMap(([folder, paths]) =>
        paths.map((path) => `src/${folder}/${path.slice(2)}`),
      );
      const message = `the ${layer} layer may import only: ${[...allowed, ...files].join(', ') || 'nothing'} (docs/architecture.md)`;
      const closed = allFolders
        .filter((folder) => folder !== layer && !allowed.includes(folder))
        .filter((folder) => !(forTests && ['store', 'testing'].includes(folder)));
      return [
        {
          target,
          from: closed.filter((folder) => !(folder in open)).map((folder) => `./src/${folder}`),
          message,
        },
        ...Object.entries(open)
          .filter(([folder]) => closed.includes(folder))
          .map(([folder, except]) => ({ target, from: `./src/${folder}`, except, message })),
      ];
    }),
  );
}

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      '.scratch',
      'dist',
      'out',
      'bench-out',
      'bench-ablation',
      'coverage',
      'web/dist',
      'bin',
      'test-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      // NOTE: sources import `./x.js` and the file is `x.ts` (NodeNext); the alias lets the rules resolve it.
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.mjs'],
          extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
        }),
      ],
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layerZones() }],
    },
  },
);
