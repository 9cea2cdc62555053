/**
 * What the language gives the cmdlet framework. The framework cannot import the language (the
 * arrow goes the other way), so the interpreter registers these services on the session.
 */
import type { CommandProcessor } from '../pipeline/types.js';
import type { CommandInfo } from './commands.js';
import type { BoundParameters } from '../binder/types.js';
import type { Scope } from './scope.js';
import type { ScriptBlock } from '../runtime/values.js';
import type { InvocationInfo } from '../runtime/errors.js';

/** Where a processor sends what it produces. */
export interface ProcessorStreams {
  /** Sends one object downstream. */
  output(value: unknown): Promise<void>;
}

/** The interpreter's services, registered on the session by the language. */
export interface ScriptEngine {
  /** A processor for a script function, external script or native application. */
  createProcessor(
    command: Extract<CommandInfo, { kind: 'Function' | 'Filter' | 'ExternalScript' | 'Application' }>,
    binding: BoundParameters | { readonly args: readonly unknown[] },
    context: { scope: Scope; invocation: InvocationInfo; streams: ProcessorStreams; signal: AbortSignal; expectingInput: boolean },
  ): CommandProcessor;
  /** Parses text into a script block (Invoke-Expression, [scriptblock]::Create, -Command). */
  compile(text: string, file?: string): ScriptBlock;
  /** Runs text in a scope and returns its output (Invoke-Expression, Import-Module of a .psm1). */
  run(text: string, options: { scope: Scope; file?: string; signal?: AbortSignal }): Promise<unknown[]>;
}
