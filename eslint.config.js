// Lint for the whole workspace. The module-boundary rule enforces the import arrows of
// the architecture (../shared/design/ARCHITECTURE.md): a wrong import fails lint.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
// The workspace's own rules, built with the rest of the workspace (npm run build) before lint.
import dpmsh from './tools/lint-rules/dist/index.js';

const layer = (name, ...mayImport) => ({
  sourceTag: `layer:${name}`,
  onlyDependOnLibsWithTags: mayImport.map((l) => `layer:${l}`),
});

export default tseslint.config(
  {
    ignores: [
      '**/dist/**', '**/node_modules/**', '**/.nx/**', '**/coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs',
      // Trees that break the workspace's rules on purpose, linted only by the tests that prove the rules fail.
      'tools/lint-rules/fixtures/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          enforceBuildableLibDependency: false,
          depConstraints: [
            layer('core'),
            layer('engine', 'core'),
            layer('vault', 'core'),
            layer('sdk', 'core'),
            layer('plugin', 'sdk'),
            layer('server', 'engine', 'vault', 'sdk', 'core'),
            layer('runtime', 'core'),
            layer('cmdlets', 'runtime', 'core'),
            layer('dpm', 'server', 'cmdlets', 'runtime', 'core'),
            layer('language', 'cmdlets', 'runtime', 'core'),
            layer('shell', 'language', 'dpm', 'cmdlets', 'runtime', 'core'),
            layer('vault-server', 'vault', 'core'),
            layer('tools', 'shell', 'language', 'dpm', 'cmdlets', 'runtime', 'server', 'engine', 'vault', 'sdk', 'core', 'plugin', 'vault-server'),
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Inside a package, folders form layers (ARCHITECTURE.md): no import cycle crosses folders.
    // Tests and their helpers may reach across layers to set a scene, so they are left out here
    // and are no part of the folder graph either.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/test-support/**'],
    plugins: { dpmsh },
    rules: { 'dpmsh/no-folder-cycles': 'error' },
  },
  {
    // The DPM module loads the server only when a cmdlet first needs it (connection.ts imports it
    // dynamically), so starting a shell never loads the catalog, the engine or the vault.
    files: ['packages/dpm/src/**/*.ts'],
    ignores: ['packages/dpm/src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: '@dpmsh/server', allowTypeImports: true, message: 'Import the server as a type only; a cmdlet reaches it through serverOf(ctx), which loads it on first use.' }] },
      ],
    },
  },
);
