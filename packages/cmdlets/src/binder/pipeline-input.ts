/**
 * Binding one pipeline object, PowerShell's four steps in order: ValueFromPipeline without
 * conversion, ValueFromPipelineByPropertyName without conversion, ValueFromPipeline with
 * conversion, ValueFromPipelineByPropertyName with conversion; each step binds every unbound
 * pipeline parameter of the sets still possible, the default set first. Every object starts again
 * from the command-line binding, so nothing the previous object bound remains.
 */
import type { ParameterMetadata } from '../metadata/command.js';
import { ErrorRecord, PSObject } from '@dpmsh/runtime';
import { snapshotOf } from './bind-state.js';
import { Binding } from './binding.js';
import { isInSets, parameterSetName } from './compiled-command.js';
import type { CompiledMembership, CompiledParameter } from './compiled-command.js';
import { BindError, bindFailure, text } from './messages.js';
import { missingMandatoryParameters, validateParameterSets, verifyParameterSetSelected } from './parameter-sets.js';
import type { BindFailure, BindState, BoundParameters } from './types.js';

type Step = 'byValue' | 'byPropertyName';

const STEPS: readonly (readonly [Step, boolean])[] = [
  ['byValue', false],
  ['byPropertyName', false],
  ['byValue', true],
  ['byPropertyName', true],
];

/** Reads a property of a pipeline object: `{ value }`, or undefined when it has no such property. */
export type PropertyReader = (input: unknown, name: string) => { readonly value: unknown } | undefined;

/** A PSObject's properties (case-insensitive). A hashtable's keys are not properties, in PowerShell either. */
const readNoteProperty: PropertyReader = (input, name) => (input instanceof PSObject && input.hasProperty(name) ? { value: input.read(name) } : undefined);

/** The input's property named like the parameter, else like one of its aliases. */
function propertyFor(input: unknown, parameter: ParameterMetadata, read: PropertyReader): { readonly value: unknown } | undefined {
  const own = read(input, parameter.name);
  if (own) return own;
  for (const alias of parameter.aliases ?? []) {
    const property = read(input, alias);
    if (property) return property;
  }
  return undefined;
}

/** Tries one parameter for one step; false when the input does not fit it. */
function tryParameter(b: Binding, parameter: CompiledParameter, input: unknown, step: Step, convert: boolean, read: PropertyReader): boolean {
  let value = input;
  if (step === 'byPropertyName') {
    const property = propertyFor(input, parameter.metadata, read);
    if (!property) return false;
    value = property.value;
  }
  try {
    return b.bind(parameter, value, { convert });
  } catch (e) {
    if (!(e instanceof BindError)) throw e;
    // The input not converting to a by-value parameter's type only means it is not for that parameter.
    if (e.kind === 'binding' || (step === 'byValue' && e.kind === 'transformation' && e.invalidCast)) return false;
    throw e;
  }
}

function takes(m: CompiledMembership, step: Step): boolean {
  return step === 'byValue' ? m.byValue : m.byPropertyName;
}

function bindInSets(b: Binding, input: unknown, step: Step, convert: boolean, sets: number, read: PropertyReader): boolean {
  if (step === 'byPropertyName' && (input === null || input === undefined)) return false;
  let bound = false;
  const candidates = b.command.pipelineParameters;
  // PowerShell walks the unbound parameters from the last one.
  for (let i = candidates.length - 1; i >= 0; i--) {
    const parameter = candidates[i] as CompiledParameter;
    if (b.bound.has(parameter) || !isInSets(parameter, sets)) continue;
    for (const m of parameter.memberships) {
      if (m.flag !== 0 && (m.flag & sets) === 0) continue;
      if (takes(m, step) && tryParameter(b, parameter, input, step, convert, read)) {
        b.pipelineBound.add(parameter.name);
        bound = true;
        break;
      }
    }
  }
  return bound;
}

function bindStep(b: Binding, input: unknown, step: Step, convert: boolean, valid: number, read: PropertyReader): boolean {
  const defaultFlag = b.command.defaultSetFlag;
  if (defaultFlag !== 0 && (valid & defaultFlag) !== 0) {
    if (bindInSets(b, input, step, convert, defaultFlag, read)) return true;
    valid &= ~defaultFlag;
  }
  return bindInSets(b, input, step, convert, valid, read);
}

function inputFailure(b: Binding, input: unknown, message: string, errorId: string): BindFailure {
  return bindFailure({ message, errorId, commandName: b.commandName, targetObject: input, argument: input });
}

/** The same failure aimed at the input object, as PowerShell retargets binding errors of pipeline input. */
function retarget(failure: BindFailure, input: unknown): BindFailure {
  const old = failure.error;
  const error = new ErrorRecord({ exception: old.exception, errorId: old.errorId, category: old.category, targetObject: input, invocationInfo: old.invocationInfo });
  return { ...failure, error };
}

/** Options of pipeline binding. */
export interface PipelineInputOptions {
  /** The results of the delay-bind script blocks for this object (`evaluateDelayBind`). */
  readonly delayBound?: ReadonlyMap<string, unknown>;
  /**
   * How to read the object's properties for ValueFromPipelineByPropertyName; the default reads
   * PSObject properties. The pipeline passes the member lookup that also knows the properties of
   * strings, dates and the other modelled .NET types.
   */
  readonly readProperty?: PropertyReader;
}

/**
 * Binds one pipeline object to the parameters that take pipeline input. Returns the parameters for
 * this object (command-line values plus what the object gave), or the error to report for it
 * (InputObjectNotBound, InputObjectMissingMandatory, a conversion or validation error), whose
 * target is the input object.
 */
export function bindPipelineInput(state: BindState, input: unknown, options: PipelineInputOptions = {}): BoundParameters | BindFailure {
  // A simple function takes its input as $_ and $input, not through parameters.
  if (!state.metadata.cmdletBinding) return state;
  const b = Binding.resume(snapshotOf(state));
  const read = options.readProperty ?? readNoteProperty;
  try {
    for (const [name, value] of options.delayBound ?? []) {
      const parameter = b.command.parameters.find((p) => p.name === name);
      if (!parameter) continue;
      b.bind(parameter, value, { convert: true });
    }
    let valid = b.flags;
    let bound = false;
    for (const [step, convert] of STEPS) {
      if (bindStep(b, input, step, convert, valid, read)) {
        validateParameterSets(b, true, true);
        valid = b.flags;
        bound = true;
      }
    }
    validateParameterSets(b, false, true);
    verifyParameterSetSelected(b);
    if (!bound && b.delayBind.size === 0) return inputFailure(b, input, text.inputObjectNotBound(), 'InputObjectNotBound');
    const missing = missingMandatoryParameters(b, false);
    if (missing.length > 0) {
      return inputFailure(
        b,
        input,
        text.inputObjectMissingMandatory(missing.map((p) => p.name)),
        'InputObjectMissingMandatory',
      );
    }
    return {
      parameterSetName: parameterSetName(b.command, b.flags),
      values: b.values,
      unboundArguments: state.unboundArguments,
      boundPositionally: b.boundPositionally,
      pipelineBound: b.pipelineBound,
      extents: b.extents,
    };
  } catch (e) {
    if (e instanceof BindError) return retarget(e.failure, input);
    throw e;
  }
}
