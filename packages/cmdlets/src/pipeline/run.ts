/**
 * The pipeline runner, with PowerShell's order of events:
 *
 * 1. every command is bound before any begins; a binding failure (or a missing mandatory
 *    parameter the host cannot prompt for) stops the statement, naming the command;
 * 2. begin of every command in order;
 * 3. each input object goes through process one at a time, each command's output straight into
 *    the next command's process (a first command without input gets exactly one process call);
 *    pipeline parameters are bound again for each object, and an object that fails to bind is a
 *    non-terminating error for that object only;
 * 4. end of every command in order, each command's end output flowing through the downstream
 *    commands' process before the next end;
 * 5. clean of every command, always: after a terminating error, an early stop, or Ctrl+C.
 *
 * A downstream command that needs no more input (Select-Object -First) throws StopUpstreamError:
 * the commands before it stop, it and the commands after it end normally. Aborting the signal
 * stops everything with PipelineStoppedError, after the clean blocks.
 */
import type { BindState, CommandArgument } from '../binder/types.js';
import { bindArguments, bindPrompted, isBindFailure, missingMandatoryFailure, validateScripts } from '../binder/index.js';
import type { CommandMetadata } from '../metadata/command.js';
import type { ErrorRecord, InvocationInfo, ScriptExtent, Scope, PipelineStreams } from '@dpmsh/runtime';
import { PipelineStoppedError, RuntimeError, StopUpstreamError } from '@dpmsh/runtime';
import type { CommandInfo } from '../session/commands.js';
import type { Session } from '../session/session.js';
import { errorViewOf } from '../formatting/error-view.js';
import { RedirectionFiles, redirectTargets } from './redirection.js';
import type { FileFormat, PipelineRedirection } from './redirection.js';
import { Stage } from './stage.js';
import type { PreparedCommand, RunnableCommand, StageEnvironment } from './stage.js';
import { inheritedTargets } from './streams.js';
import { outString } from '../formatting/text-output.js';

/** One command of a pipeline, resolved, with its arguments evaluated. */
export interface PipelineElementSpec {
  readonly command: CommandInfo;
  readonly args: readonly CommandArgument[];
  /** The command's extent: error positions and $MyInvocation. */
  readonly extent?: ScriptExtent;
  /** The name as written, when it differs from the command's (an alias). */
  readonly invocationName?: string;
  readonly redirections?: readonly PipelineRedirection[];
}

/** A pipeline to run. */
export interface PipelineSpec {
  readonly session: Session;
  /** The scope the pipeline runs in: commands' caller scope. */
  readonly scope: Scope;
  readonly elements: readonly PipelineElementSpec[];
  /** Objects from a leading expression (`1..3 | ...`), enumerated (a range lazily); absent when the pipeline starts with a command. */
  readonly input?: Iterable<unknown>;
  /** Receives the last command's output, one object at a time. */
  readonly sink: (value: unknown) => Promise<void> | void;
  /** Ctrl+C. */
  readonly signal: AbortSignal;
  /** The streams of the command this pipeline runs inside (a function body's pipelines); the host when absent. */
  readonly streams?: PipelineStreams;
  /** Passed to the engine's createProcessor untouched (the interpreter's own context). */
  readonly hostContext?: unknown;
}

/** How a pipeline ended when it did not throw. */
export interface PipelineResult {
  /** `$?`: false when any command wrote an error. */
  readonly succeeded: boolean;
}

/** Runs a pipeline; throws its terminating error (after every clean block ran). */
export async function runPipeline(spec: PipelineSpec): Promise<PipelineResult> {
  const { session, scope, signal } = spec;
  if (signal.aborted) throw new PipelineStoppedError();
  if (spec.elements.length === 0) throw new Error('bug: a pipeline without commands');
  let failed = false;
  const env: StageEnvironment = {
    session,
    scope,
    signal,
    hostContext: spec.hostContext,
    inherited: spec.streams,
    failed: () => {
      failed = true;
    },
  };

  const prepared: PreparedCommand[] = [];
  for (const [index, element] of spec.elements.entries()) prepared.push(await prepare(element, index, spec, env));

  const files = new RedirectionFiles();
  const errorView = errorViewOf(scope.lookup('ErrorView')?.value);
  const format: FileFormat = { objects: (values) => outString(values, { hostWidth: session.host.width, tables: session }), errorView, width: session.host.width };
  const stages = prepared.map((p) => new Stage(p, env));
  const last = stages.length - 1;
  stages.forEach((stage, i) => {
    const next = i < last ? stages[i + 1] : undefined;
    const output = next ? (value: unknown) => next.receive(value) : async (value: unknown) => void (await spec.sink(value));
    const base = inheritedTargets(session.host, output, spec.streams);
    stage.connect(redirectTargets(base, spec.elements[i].redirections, files, format));
  });

  let failure: { readonly error: unknown } | undefined;
  try {
    files.open();
    await abortable(drive(stages, spec.input), signal);
  } catch (error) {
    failure = { error };
  }
  for (const stage of stages) {
    try {
      await stage.clean();
    } catch (error) {
      failure ??= { error };
    }
  }
  try {
    await files.flush(format);
  } catch (error) {
    failure ??= { error };
  }
  if (failure) throw failure.error;
  return { succeeded: !failed };
}

/** Begin, process and end, with early stops. */
async function drive(stages: readonly Stage[], input: Iterable<unknown> | undefined): Promise<void> {
  let from = 0;
  try {
    for (const stage of stages) await stage.ensureBegun();
    if (input === undefined) await stages[0].runWithoutInput();
    else for (const item of input) await stages[0].receive(item);
  } catch (error) {
    from = stopRequest(stages, error);
  }
  for (let i = from; i < stages.length; i++) {
    if (stages[i].stopped) continue;
    try {
      await stages[i].end();
    } catch (error) {
      i = Math.max(i, stopRequest(stages, error) - 1);
    }
  }
}

/**
 * For a StopUpstreamError from one of these commands: stops the commands before it and returns
 * its index. Anything else (including a stop request of an enclosing pipeline) is rethrown.
 */
function stopRequest(stages: readonly Stage[], error: unknown): number {
  if (!(error instanceof StopUpstreamError)) throw error;
  const requester = stages.findIndex((s) => s.owns(error.requester));
  if (requester < 0) throw error;
  for (let k = 0; k < requester; k++) stages[k].stopped = true;
  return requester;
}

/** Rejects with PipelineStoppedError as soon as the signal aborts, even while a command is still busy. */
function abortable(work: Promise<void>, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => reject(new PipelineStoppedError());
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** What a script file binds when the engine cannot say what its param() block is: everything to $args. */
function unboundScript(name: string): CommandMetadata {
  return { name, cmdletBinding: false, fromScript: true, parameters: [] };
}

/** A binding failure: counted in $Error and thrown as a statement-terminating error. */
function bindingFailed(record: ErrorRecord, invocation: InvocationInfo, session: Session, env: StageEnvironment): never {
  const info = record.invocationInfo;
  if (!info) record.invocationInfo = invocation;
  else if (!info.extent) record.invocationInfo = { ...invocation, ...info, extent: invocation.extent, scriptName: info.scriptName ?? invocation.scriptName };
  else if (info.commandName === invocation.commandName && !info.implementingType) record.invocationInfo = { ...info, implementingType: invocation.implementingType };
  session.recordError(record);
  env.failed();
  throw new RuntimeError(record, 'statement');
}

/**
 * `-?` among a cmdlet's or function's arguments asks for its help, as pwsh does before any
 * binding: the command is replaced by Get-Help for it. Native programs and scripts get `-?` as is.
 */
function helpRequest(command: RunnableCommand, args: readonly CommandArgument[], session: Session): CommandInfo | undefined {
  if (command.kind !== 'Cmdlet' && command.kind !== 'Function' && command.kind !== 'Filter') return undefined;
  if (!args.some((a) => a.kind === 'parameter' && a.name === '?')) return undefined;
  return session.registry.cmdlet('Get-Help');
}

/** Resolves an alias element and binds the command line (prompting for missing mandatory parameters). */
async function prepare(element: PipelineElementSpec, index: number, spec: PipelineSpec, env: StageEnvironment): Promise<PreparedCommand> {
  const { session, scope } = spec;
  const command: RunnableCommand = element.command.kind === 'Alias' ? session.registry.require(element.command.definition, scope, element.extent) : element.command;
  const help = helpRequest(command, element.args, session);
  if (help) return prepare({ ...element, command: help, args: [{ kind: 'parameter', name: 'Name', value: command.name, hasValue: true }], invocationName: undefined }, index, spec, env);
  const expectingInput = index > 0 || spec.input !== undefined;
  const invocation: InvocationInfo = {
    commandName: command.name,
    implementingType: command.kind === 'Cmdlet' ? command.implementingType : undefined,
    invocationName: element.invocationName,
    scriptName: element.extent?.file || undefined,
    extent: element.extent,
  };
  let metadata: CommandMetadata | undefined;
  if (command.kind === 'Cmdlet') metadata = command.definition;
  else if (command.kind === 'Function' || command.kind === 'Filter') metadata = command.metadata;
  else if (command.kind === 'ExternalScript') {
    const engine = session.hasEngine ? session.engine : undefined;
    metadata = engine?.metadataOf ? await engine.metadataOf(command) : unboundScript(command.name);
  }
  const base = { command, invocation, expectingInput, args: element.args };
  if (!metadata) return base;

  const bound = bindArguments(metadata, element.args, { expectingInput, commandName: command.name });
  if (isBindFailure(bound)) bindingFailed(bound.error, invocation, session, env);
  let state: BindState = bound;
  if (state.missingMandatory.length > 0) {
    if (!session.host.interactive) bindingFailed(missingMandatoryFailure(state).error, invocation, session, env);
    const values = await session.host.promptForParameters(command.name, state.missingMandatory);
    const prompted = bindPrompted(state, values);
    if (isBindFailure(prompted)) bindingFailed(prompted.error, invocation, session, env);
    state = prompted;
    if (state.missingMandatory.length > 0) bindingFailed(missingMandatoryFailure(state).error, invocation, session, env);
  }
  const invalid = await validateScripts(state, metadata, { commandName: command.name });
  if (invalid) bindingFailed(invalid.error, invocation, session, env);
  return { ...base, metadata, state };
}
