/**
 * The CmdletContext a compiled cmdlet (and a script function, as $PSCmdlet) runs with: its bound
 * parameters as a plain object keyed by the declared names, the current input object, and the
 * command runtime's streams.
 */
import type { BoundParameters } from '../binder/types.js';
import type { ErrorRecord, InvocationInfo, Scope, ProgressRecord, ProcessorStreams } from '@dpmsh/runtime';
import { RuntimeError } from '@dpmsh/runtime';
import type { Session } from '../session/session.js';
import type { CmdletContext } from '../session/cmdlet.js';
import type { CommandRuntime } from './error-actions.js';
import type { ShouldProcessRuntime } from './should-process.js';

/** What a context needs from the pipeline stage it belongs to. */
export interface ContextServices {
  readonly session: Session;
  readonly scope: Scope;
  readonly signal: AbortSignal;
  readonly runtime: CommandRuntime;
  readonly shouldProcess: ShouldProcessRuntime;
  /** Sends objects downstream (after OutVariable/PipelineVariable), in order with pending records. */
  emit(value: unknown, enumerate: boolean): Promise<void>;
  /** The streams script blocks this command invokes should write to. */
  readonly streams: ProcessorStreams;
  /** The invocation of the command this pipeline runs inside. */
  readonly callerInvocation?: InvocationInfo;
}

/** The params object of a binding: declared name → value. */
function paramsOf(bound: BoundParameters): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [name, value] of bound.values) params[name] = value;
  return params;
}

/** A CmdletContext over a pipeline stage. */
export class StageContext<P = Record<string, unknown>> implements CmdletContext<P> {
  #bound: BoundParameters;
  // Built on first use for each binding: a pipeline object's binding changes per object.
  #params: P | undefined;
  #names: ReadonlySet<string> | undefined;
  /** The current input object (set per process call). */
  input: unknown = undefined;

  constructor(
    private readonly services: ContextServices,
    bound: BoundParameters,
  ) {
    this.#bound = bound;
  }

  /** Switches to another binding (a pipeline object's, or the command line's). */
  setBinding(bound: BoundParameters): void {
    if (bound === this.#bound) return;
    this.#bound = bound;
    this.#params = undefined;
    this.#names = undefined;
  }

  get params(): P {
    this.#params ??= paramsOf(this.#bound) as P;
    return this.#params;
  }
  get boundParameters(): ReadonlySet<string> {
    this.#names ??= new Set(this.#bound.values.keys());
    return this.#names;
  }
  get parameterSetName(): string {
    return this.#bound.parameterSetName;
  }
  get session(): Session {
    return this.services.session;
  }
  get scope(): Scope {
    return this.services.scope;
  }
  get invocation(): InvocationInfo {
    return this.services.runtime.invocation;
  }
  get signal(): AbortSignal {
    return this.services.signal;
  }
  /** The invocation of the function or script this command runs inside, if any. */
  get callerInvocation(): InvocationInfo | undefined {
    return this.services.callerInvocation;
  }
  /** The streams to pass when this command invokes a script block, so what it writes comes out of this command. */
  get streams(): ProcessorStreams {
    return this.services.streams;
  }

  write(value: unknown, options?: { enumerate?: boolean }): Promise<void> {
    return this.services.emit(value, options?.enumerate ?? false);
  }
  writeError(record: ErrorRecord): void {
    this.services.runtime.writeError(record);
  }
  throwTerminating(record: ErrorRecord): never {
    throw new RuntimeError(this.services.runtime.claim(record), 'statement');
  }
  writeWarning(message: string): void {
    this.services.runtime.writeWarning(message);
  }
  writeVerbose(message: string): void {
    this.services.runtime.writeVerbose(message);
  }
  writeDebug(message: string): void {
    this.services.runtime.writeDebug(message);
  }
  writeInformation(data: unknown, tags?: readonly string[]): void {
    this.services.runtime.writeInformation(data, tags);
  }
  writeProgress(record: Omit<ProgressRecord, 'parentActivityId'> & { parentActivityId?: number }): void {
    this.services.runtime.writeProgress({ ...record, parentActivityId: record.parentActivityId ?? -1 });
  }
  shouldProcess(target: string, action?: string): Promise<boolean> {
    return this.services.shouldProcess.shouldProcess(target, action);
  }
  shouldContinue(query: string, caption: string): Promise<boolean> {
    return this.services.shouldProcess.shouldContinue(query, caption);
  }
}
