/**
 * What a piece of script runs with: the session, the current scope, where its output and errors
 * go, and how far the nearest error handler is.
 */
import type { CmdletContext, Session } from '@dpmsh/cmdlets';
import type { ErrorRecord, InvocationInfo, ProcessorStreams, RuntimeError, Scope } from '@dpmsh/runtime';

/** Receives output objects one at a time, as they are produced. */
export type OutputSink = (value: unknown) => Promise<void> | void;

/** The state one running piece of script carries. Contexts are immutable; calls derive new ones. */
export interface ExecutionContext {
  readonly session: Session;
  readonly scope: Scope;
  /** The script file being run, for $PSScriptRoot and error positions; undefined for typed input. */
  readonly file: string | undefined;
  readonly output: OutputSink;
  /** Reports a non-terminating error (or a statement-terminating one that nothing handles). */
  readonly writeError: (record: ErrorRecord) => void;
  readonly signal: AbortSignal;
  /**
   * How many try blocks and traps enclose this code, in this call and its callers. When any
   * does, a statement-terminating error unwinds to it instead of being reported in place.
   */
  readonly handlers: number;
  /** The labels of the loops that enclose this code within the current function, for `break label`. */
  readonly loopDepth: number;
  /** The error the enclosing catch block handles, which a bare `throw` rethrows. */
  readonly caught?: RuntimeError;
  /**
   * The streams of the command this code runs inside (a function's, a script's): its pipelines
   * write their errors, warnings and verbose records there, so they come out of that command.
   */
  readonly streams?: ProcessorStreams;
  /** The runtime of the command this code runs inside, for $PSCmdlet. */
  readonly cmdlet?: CmdletContext;
  /** How the command this code runs inside was invoked, for $MyInvocation. */
  readonly invocation?: InvocationInfo;
}

/** A context with some fields replaced. */
export function derive(ctx: ExecutionContext, changes: Partial<ExecutionContext>): ExecutionContext {
  return { ...ctx, ...changes };
}
