/**
 * The result of binding a command's arguments: which parameter set, and the value of each
 * bound parameter by its declared name.
 */
import type { CommandMetadata, ParameterMetadata } from '../metadata/command.js';
import type { ErrorRecord, ScriptExtent, ScriptBlock } from '@dpmsh/runtime';

/** Parameters bound for one invocation (or one pipeline record). */
export interface BoundParameters {
  readonly parameterSetName: string;
  /** Declared parameter name → converted value. Common parameters included. */
  readonly values: ReadonlyMap<string, unknown>;
  /** Arguments no parameter took: `$args` of a simple function. */
  readonly unboundArguments: readonly unknown[];
  /** Names bound by position ($PSBoundParameters.BoundPositionally). */
  readonly boundPositionally?: ReadonlySet<string>;
  /** Names bound from the current pipeline object; empty or absent for the command line. */
  readonly pipelineBound?: ReadonlySet<string>;
  /** Where each bound parameter's argument was written, for errors raised after binding (ValidateScript). */
  readonly extents?: ReadonlyMap<string, ScriptExtent>;
}

/** How a command is being bound. */
export interface BindOptions {
  /** True when the command is not first in its pipeline: pipeline parameters may still be filled per object. */
  readonly expectingInput: boolean;
  /** The command's name as errors show it ("Get-Thing"); it becomes the ",Get-Thing" of the FullyQualifiedErrorId. */
  readonly commandName: string;
}

/**
 * The command line bound: what `begin` sees, and the starting point for every pipeline object
 * (`bindPipelineInput` starts again from this state for each object).
 */
export interface BindState extends BoundParameters {
  readonly metadata: CommandMetadata;
  readonly commandName: string;
  readonly expectingInput: boolean;
  /**
   * Mandatory parameters still unbound once the parameter set is known: the caller prompts for
   * them (interactive host, then `bindPrompted`) or fails with `missingMandatoryFailure`.
   */
  readonly missingMandatory: readonly ParameterMetadata[];
  /**
   * Script blocks given to parameters that take pipeline input (`-NewName { $_.Name + '.bak' }`):
   * run per input object (`evaluateDelayBind`) and bound with that object.
   */
  readonly delayBind: ReadonlyMap<string, ScriptBlock>;
}

/** A binding error: PowerShell's ParameterBindingException as an error record. */
export interface BindFailure {
  /** The record: exact message, bare error id, category, exception type, invocation (command name and extent). */
  readonly error: ErrorRecord;
  /** Same as `error.errorId`. */
  readonly errorId: string;
  /** The validation attribute's own id (`ValidateSetFailure`...), kept as PowerShell keeps it on the inner exception. */
  readonly innerErrorId?: string;
  /** The parameter concerned, as declared (or as written, for a name that matched nothing). */
  readonly parameterName?: string;
  /** The argument concerned. */
  readonly argument?: unknown;
  /** Where the argument (or parameter name) was written. */
  readonly extent?: ScriptExtent;
}

/** One argument as the script wrote it, before binding. */
export type CommandArgument =
  | {
      readonly kind: 'parameter';
      /** The name without the dash, as written (a prefix, any case). */
      readonly name: string;
      /** `-Name:value`: the value is part of the parameter token. */
      readonly value?: unknown;
      readonly hasValue: boolean;
      readonly extent?: ScriptExtent;
    }
  | {
      readonly kind: 'value';
      readonly value: unknown;
      readonly extent?: ScriptExtent;
      /** Set when the value came from splatting an array (still positional). */
      readonly splatted?: boolean;
    };
