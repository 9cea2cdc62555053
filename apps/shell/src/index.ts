export { parseHostArguments, matchHostParameter, UsageError, HELP_TEXT } from './cli/arguments.js';
export type { HostRequest, HostOptions } from './cli/arguments.js';
export { StdioHost } from './host/stdio-host.js';
