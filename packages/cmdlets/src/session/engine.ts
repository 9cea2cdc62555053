/**
 * What the language gives the cmdlet framework. The framework cannot import the language (the
 * arrow goes the other way), so the interpreter registers these services on the session.
 */
import type { CommandProcessor, CmdletContext } from './cmdlet.js';
import type { CommandInfo } from './commands.js';
import type { BoundParameters, CommandArgument } from '../binder/types.js';
import type { Scope, ScriptBlock, InvocationInfo, ProcessorStreams } from '@dpmsh/runtime';
import type { CommandMetadata } from '../metadata/command.js';

/** The interpreter's services, registered on the session by the language. */
export interface ScriptEngine {
  /** A processor for a script function, external script or native application. */
  createProcessor(
    command: Extract<CommandInfo, { kind: 'Function' | 'Filter' | 'ExternalScript' | 'Application' }>,
    binding: BoundParameters | { readonly args: readonly unknown[] },
    context: {
      scope: Scope;
      invocation: InvocationInfo;
      streams: ProcessorStreams;
      signal: AbortSignal;
      expectingInput: boolean;
      /** Whatever the caller passed to `runPipeline` as `hostContext` (the interpreter's own context). */
      hostContext?: unknown;
      /** The arguments as written, for native programs. */
      args?: readonly CommandArgument[];
      /** The command's runtime as a CmdletContext, for $PSCmdlet (WriteError, ShouldProcess...). */
      cmdlet?: CmdletContext;
    },
  ): CommandProcessor;
  /**
   * The metadata of a script file's param() block. When the engine provides it, the runner binds
   * a script's arguments before any command begins, as it does a function's; without it, a script
   * gets its arguments unbound ($args).
   */
  metadataOf?(command: Extract<CommandInfo, { kind: 'ExternalScript' }>): Promise<CommandMetadata>;
  /** Parses text into a script block (Invoke-Expression, [scriptblock]::Create, -Command). */
  compile(text: string, file?: string): ScriptBlock;
  /** Runs text in a scope and returns its output (Invoke-Expression, Import-Module of a .psm1). */
  run(text: string, options: { scope: Scope; file?: string; signal?: AbortSignal }): Promise<unknown[]>;
}
