/**
 * The contract between commands and the pipeline. A compiled cmdlet is a `CmdletDefinition`:
 * metadata plus begin/process/end/clean, which receive a `CmdletContext` and only do the work and
 * emit objects. Script functions and native commands are `CommandProcessor`s made by the language.
 */
import type { CommandMetadata } from '../metadata/command.js';
import type { ErrorRecord, InvocationInfo, Scope, ProgressRecord, ProcessorStreams } from '@dpmsh/runtime';
import type { Session } from './session.js';
import type { BoundParameters } from '../binder/types.js';

/** What a cmdlet can do while it runs. `P` is the shape of its bound parameters. */
export interface CmdletContext<P = Record<string, unknown>> {
  /** Bound parameter values; pipeline-bound ones change for each input object. */
  readonly params: P;
  /** The names of parameters bound for this invocation or record ($PSBoundParameters), as declared. */
  readonly boundParameters: ReadonlySet<string>;
  readonly parameterSetName: string;
  /** The current pipeline input object in `process`, `undefined` in begin/end. */
  readonly input: unknown;
  readonly session: Session;
  /** The scope the command was called from (Set-Variable, -OutVariable act there). */
  readonly scope: Scope;
  readonly invocation: InvocationInfo;
  /** Aborted on Ctrl+C: long work must stop promptly. */
  readonly signal: AbortSignal;
  /** Sends an object downstream. An array is sent as one object unless `enumerate` is set. */
  write(value: unknown, options?: { enumerate?: boolean }): Promise<void>;
  /** A non-terminating error: reported, and the command goes on with the next input. */
  writeError(record: ErrorRecord): void;
  /** A terminating error: stops this command and, unless caught, the statement. */
  throwTerminating(record: ErrorRecord): never;
  writeWarning(message: string): void;
  writeVerbose(message: string): void;
  writeDebug(message: string): void;
  writeInformation(data: unknown, tags?: readonly string[]): void;
  writeProgress(record: Omit<ProgressRecord, 'parentActivityId'> & { parentActivityId?: number }): void;
  /** ShouldProcess: false under -WhatIf (after printing "What if: ..."), asks under -Confirm. */
  shouldProcess(target: string, action?: string): Promise<boolean>;
  /** ShouldContinue: asks the user unless -Force was given (the caller decides that). */
  shouldContinue(query: string, caption: string): Promise<boolean>;
  /**
   * The streams to pass when invoking a script block (`ScriptBlockInvocation.streams`), so what
   * the block writes comes out of this command (its `2>&1`, -ErrorVariable...). Set by the runner.
   */
  readonly streams?: ProcessorStreams;
  /**
   * The invocation of the function or script this command runs inside, if any. Write-Error
   * reports its errors as that command's (`Test-WriteError: ...`), as PowerShell does.
   */
  readonly callerInvocation?: InvocationInfo;
}

/** A compiled cmdlet: its metadata and what it does. */
export interface CmdletDefinition<P = Record<string, unknown>> extends CommandMetadata {
  begin?(ctx: CmdletContext<P>): Promise<void> | void;
  process?(ctx: CmdletContext<P>): Promise<void> | void;
  end?(ctx: CmdletContext<P>): Promise<void> | void;
  /** Runs after the pipeline ends for any reason, including errors and Ctrl+C. */
  clean?(ctx: CmdletContext<P>): Promise<void> | void;
}

/** Declares a cmdlet. Cmdlets are always advanced (common parameters apply). */
export function defineCmdlet<P = Record<string, unknown>>(definition: Omit<CmdletDefinition<P>, 'cmdletBinding'> & { cmdletBinding?: true }): CmdletDefinition<P> {
  return { ...definition, cmdletBinding: true };
}

/** A command that runs in a pipeline. The runner calls begin once, process per input, end once, clean always. */
export interface CommandProcessor {
  readonly name: string;
  begin(): Promise<void>;
  /**
   * One input object (undefined when the command is first and has no input). `binding` is the
   * command's parameters for this object when it takes pipeline input (the runner binds each
   * object and reports a failure itself, skipping the object).
   */
  process(input: unknown, binding?: BoundParameters): Promise<void>;
  end(): Promise<void>;
  clean(): Promise<void>;
}
