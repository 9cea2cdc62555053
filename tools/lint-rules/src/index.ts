import type { ESLint } from 'eslint';
import { noFolderCycles } from './no-folder-cycles.js';

// This folder is not called tools/eslint-rules: @nx/eslint-plugin requires a folder of that name
// on every lint run as Nx's own kind of workspace rules, which this package is not.

/** The workspace's own lint rules, as an ESLint plugin for the flat config. */
const plugin = {
  meta: { name: '@dpmsh/lint-rules' },
  rules: { 'no-folder-cycles': noFolderCycles },
} satisfies ESLint.Plugin;

export default plugin;
export { noFolderCycles };
export { staticImportSpecifiers } from './static-imports.js';
