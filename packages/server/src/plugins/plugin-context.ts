/** The context the server gives a plugin for one call: the operation's signal and where its messages go. */
import type { PluginContext } from '@dpmsh/sdk';

/** Where an operation's messages go; every part optional. */
export interface OperationOutput {
  readonly signal?: AbortSignal;
  readonly warn?: (message: string) => void;
  readonly verbose?: (message: string) => void;
}

/** A PluginContext for an operation. */
export function pluginContext(output: OperationOutput): PluginContext {
  return {
    signal: output.signal ?? new AbortController().signal,
    warn: (message) => output.warn?.(message),
    verbose: (message) => output.verbose?.(message),
  };
}
