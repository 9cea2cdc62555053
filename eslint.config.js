// Lint for the whole workspace. The module-boundary rule enforces the import arrows of
// the architecture (../shared/design/ARCHITECTURE.md): a wrong import fails lint.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const layer = (name, ...mayImport) => ({
  sourceTag: `layer:${name}`,
  onlyDependOnLibsWithTags: mayImport.map((l) => `layer:${l}`),
});

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.nx/**', '**/coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
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
            layer('cmdlets', 'server', 'sdk', 'runtime', 'core'),
            layer('language', 'cmdlets', 'runtime', 'core'),
            layer('shell', 'language', 'cmdlets', 'runtime', 'core'),
            layer('vault-server', 'vault', 'core'),
            layer('tools', 'shell', 'language', 'cmdlets', 'runtime', 'server', 'engine', 'vault', 'sdk', 'core', 'plugin', 'vault-server'),
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
);
