import type { ESLint } from 'eslint';
import { noFolderCycles } from './no-folder-cycles.js';

/** The workspace's own lint rules, as an ESLint plugin for the flat config. */
const plugin = {
  meta: { name: '@dpmsh/eslint-rules' },
  rules: { 'no-folder-cycles': noFolderCycles },
} satisfies ESLint.Plugin;

export default plugin;
export { noFolderCycles };
export { staticImportSpecifiers } from './static-imports.js';
