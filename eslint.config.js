// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';

/** Layers (docs/architecture.md): each may import only the folders listed. */
const layers = {
  spec: [],
  prompts: ['spec'],
  core: ['spec'],
  providers: ['spec', 'prompts'],
  store: ['spec'],
  sim: ['spec', 'prompts'],
};
const allFolders = ['spec', 'prompts', 'core', 'providers', 'store', 'sim', 'bench', 'cli', 'server'];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'out', 'bench-out', 'coverage', 'web/dist', 'bin'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    settings: { 'import-x/resolver': { node: true } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: Object.entries(layers).map(([layer, allowed]) => ({
            target: `./src/${layer}`,
            from: allFolders
              .filter((folder) => folder !== layer && !allowed.includes(folder))
              .map((f) => `./src/${f}`),
            message: `the ${layer} layer may import only: ${allowed.join(', ') || 'nothing'} (docs/architecture.md)`,
          })),
        },
      ],
    },
  },
  {
    // NOTE: the legacy node resolver cannot load vite's own package; a build config is never in a cycle.
    files: ['web/vite.config.ts'],
    rules: { 'import-x/no-cycle': 'off' },
  },
);
