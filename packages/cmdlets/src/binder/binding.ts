/**
 * The binder's working state while it binds one command line or one pipeline object: the values
 * bound so far, the parameter sets still possible, and the one operation everything goes
 * through, binding a value to a parameter (fit to the type, validate, record, narrow the sets).
 */
import type { ScriptExtent, ScriptBlock } from '@dpmsh/runtime';
import { isScriptBlock } from '@dpmsh/runtime';
import { fitArgument, NEEDS_CONVERSION } from './coerce.js';
import { ALL_SETS, membershipsIn } from './compiled-command.js';
import type { CompiledCommand, CompiledParameter } from './compiled-command.js';
import { BindError, bindFailure, text } from './messages.js';
import { validateArgument } from './validate.js';

/** How one value is being bound. */
export interface BindRequest {
  /** False for PowerShell's first pass, which binds only a value already of the parameter's type. */
  readonly convert: boolean;
  readonly extent?: ScriptExtent;
  /** Named and positional arguments: a script block given to a pipeline parameter waits for input. */
  readonly delayBind?: boolean;
}

/** What a finished command-line binding hands to pipeline binding. */
export interface Snapshot {
  readonly command: CompiledCommand;
  readonly commandName: string;
  readonly expectingInput: boolean;
  readonly values: ReadonlyMap<string, unknown>;
  readonly bound: ReadonlySet<CompiledParameter>;
  readonly boundPositionally: ReadonlySet<string>;
  readonly extents: ReadonlyMap<string, ScriptExtent>;
  readonly delayBind: ReadonlyMap<string, ScriptBlock>;
  readonly flags: number;
}

/** Parameter types a script block binds to as a value rather than being run per input object. */
function takesScriptBlock(parameter: CompiledParameter): boolean {
  const type = parameter.type.isCollection ? parameter.type.element : parameter.type;
  const kind = type?.info?.kind;
  return type === undefined || type.info === undefined || kind === 'object' || kind === 'scriptblock';
}

/** One binding in progress. */
export class Binding {
  readonly values: Map<string, unknown>;
  readonly bound: Set<CompiledParameter>;
  readonly boundPositionally: Set<string>;
  readonly extents: Map<string, ScriptExtent>;
  readonly delayBind: Map<string, ScriptBlock>;
  /** Parameters bound from the current pipeline object. */
  readonly pipelineBound = new Set<string>();
  /** The parameter sets still possible, as flags (ALL_SETS while nothing narrowed them). */
  flags: number;

  constructor(
    readonly command: CompiledCommand,
    readonly commandName: string,
    readonly expectingInput: boolean,
    from?: Snapshot,
  ) {
    this.values = new Map(from?.values);
    this.bound = new Set(from?.bound);
    // Resuming (per pipeline object, after a prompt) binds no positions, extents or delay-bind
    // blocks, so those stay shared with the command-line binding instead of being copied per object.
    this.boundPositionally = (from?.boundPositionally as Set<string> | undefined) ?? new Set();
    this.extents = (from?.extents as Map<string, ScriptExtent> | undefined) ?? new Map();
    this.delayBind = (from?.delayBind as Map<string, ScriptBlock> | undefined) ?? new Map();
    this.flags = from?.flags ?? ALL_SETS;
  }

  /** A binding that starts again from a finished command-line binding, which it leaves unchanged. */
  static resume(snapshot: Snapshot): Binding {
    return new Binding(snapshot.command, snapshot.commandName, snapshot.expectingInput, snapshot);
  }

  /** This binding's state, to resume from later. */
  snapshot(): Snapshot {
    return {
      command: this.command,
      commandName: this.commandName,
      expectingInput: this.expectingInput,
      values: this.values,
      bound: this.bound,
      boundPositionally: this.boundPositionally,
      extents: this.extents,
      delayBind: this.delayBind,
      flags: this.flags,
    };
  }

  get isScript(): boolean {
    return this.command.isScript;
  }

  /** The parameters not bound yet, in binding order. */
  unboundParameters(): CompiledParameter[] {
    return this.command.parameters.filter((p) => !this.bound.has(p));
  }

  /** Records a parameter as bound and narrows the parameter sets to the ones it is in. */
  markBound(parameter: CompiledParameter, extent?: ScriptExtent): void {
    this.bound.add(parameter);
    if (extent) this.extents.set(parameter.name, extent);
    if (parameter.setFlags !== 0) this.flags &= parameter.setFlags;
  }

  /**
   * Binds a value to a parameter. Returns false when `convert` is off and the value is not of the
   * parameter's type; throws a BindError when conversion or validation fails.
   */
  bind(parameter: CompiledParameter, value: unknown, request: BindRequest): boolean {
    if (request.delayBind && isScriptBlock(value) && !takesScriptBlock(parameter) && this.takesPipelineInput(parameter)) {
      if (!this.expectingInput) {
        throw new BindError(
          bindFailure({
            message: text.scriptBlockArgumentNoInput(parameter.name),
            errorId: 'ScriptBlockArgumentNoInput',
            category: 'MetadataError',
            commandName: this.commandName,
            parameterName: parameter.name,
            argument: value,
            extent: request.extent,
          }),
          'binding',
        );
      }
      this.delayBind.set(parameter.name, value);
      this.markBound(parameter, request.extent);
      return true;
    }
    const site = { commandName: this.commandName, isScript: this.isScript, extent: request.extent };
    const fitted = fitArgument(parameter, value, request.convert, site);
    if (fitted === NEEDS_CONVERSION) return false;
    validateArgument(parameter, fitted, site);
    this.values.set(parameter.name, fitted);
    this.markBound(parameter, request.extent);
    return true;
  }

  private takesPipelineInput(parameter: CompiledParameter): boolean {
    return membershipsIn(parameter, this.flags).some((m) => m.byValue || m.byPropertyName);
  }
}
