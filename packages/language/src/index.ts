export * from './parser/index.js';
export type { RunOptions, RunOutcome, Shell, ShellOptions } from './interpreter/shell-api.js';
export { createShell } from './interpreter/shell.js';
