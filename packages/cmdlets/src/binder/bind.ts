/**
 * Binding a command line, PowerShell's algorithm as a pure function: named arguments, then
 * positional ones, then ValueFromRemainingArguments; then the parameter set and the mandatory
 * parameters still missing. Simple functions keep what no parameter took as `$args`.
 */
import type { CommandMetadata, ParameterMetadata } from '../metadata/command.js';
import { enumerableItems } from '@dpmsh/runtime';
import { findParameter, pairNamesWithValues, readArguments } from './arguments.js';
import type { Argument } from './arguments.js';
import { isBindFailure, snapshotOf, stateOf } from './bind-state.js';
import { Binding } from './binding.js';
import { compiledCommand, membershipFor } from './compiled-command.js';
import type { CompiledParameter } from './compiled-command.js';
import { BindError, bindFailure, text, valueText } from './messages.js';
import { dropSetsTakingNoPipelineInput, missingMandatoryParameters, validateParameterSets, verifyParameterSetSelected } from './parameter-sets.js';
import { bindPositionalArguments } from './positional.js';
import type { BindFailure, BindOptions, BindState, CommandArgument } from './types.js';

export { isBindFailure };

/** Binds the named arguments to the parameters they name; returns the arguments that named none. */
function bindNamedArguments(b: Binding, args: readonly Argument[]): Argument[] {
  const rest: Argument[] = [];
  for (const a of args) {
    if (a.kind !== 'named') {
      rest.push(a);
      continue;
    }
    const parameter = findParameter(b.command, a.name, b.commandName, a.extent);
    if (!parameter) {
      rest.push(a);
      continue;
    }
    if (b.bound.has(parameter)) {
      throw new BindError(
        bindFailure({
          message: text.parameterAlreadyBound(a.displayName),
          errorId: 'ParameterAlreadyBound',
          commandName: b.commandName,
          parameterName: parameter.name,
          extent: a.extent,
        }),
        'binding',
      );
    }
    b.bind(parameter, a.value, { convert: true, extent: a.valueExtent ?? a.extent, delayBind: true });
  }
  return rest;
}

/** What the arguments left over are as values: `-Name` tokens as written, then their values. */
function leftoverValues(args: readonly Argument[]): unknown[] {
  const values: unknown[] = [];
  for (const a of args) {
    if (a.kind === 'named') {
      values.push(a.text);
      if (a.hasValue) values.push(a.value);
    } else {
      values.push(a.value);
    }
  }
  return values;
}

/** Gives the arguments left over to the ValueFromRemainingArguments parameter of the possible sets, if any. */
function bindRemainingArguments(b: Binding, args: readonly Argument[]): Argument[] {
  if (args.length === 0) return [];
  let target: CompiledParameter | undefined;
  for (const p of b.unboundParameters()) {
    if (!membershipFor(p, b.flags)?.remaining) continue;
    if (target) {
      throw new BindError(bindFailure({ message: text.ambiguousParameterSet(), errorId: 'AmbiguousParameterSet', category: 'MetadataError', commandName: b.commandName }), 'binding');
    }
    target = p;
  }
  if (!target) return [...args];
  const values = leftoverValues(args);
  // A single array argument binds as that array: `Cmd a,b` and `Cmd a b` give the same list.
  const value = values.length === 1 && enumerableItems(values[0]) ? values[0] : values;
  b.bind(target, value, { convert: true, extent: args.length === 1 ? args[0]?.extent : undefined });
  return [];
}

/** An advanced command fails on the first argument nothing took (PowerShell's VerifyArgumentsProcessed). */
function verifyArgumentsProcessed(b: Binding, args: readonly Argument[], positionalError: BindError | undefined): void {
  const first = args[0];
  if (!first) return;
  if (first.kind === 'named') {
    throw new BindError(
      bindFailure({ message: text.namedParameterNotFound(first.name), errorId: 'NamedParameterNotFound', commandName: b.commandName, parameterName: first.name, extent: first.extent }),
      'binding',
    );
  }
  if (positionalError) throw positionalError;
  throw new BindError(
    bindFailure({
      message: text.positionalParameterNotFound(valueText(first.value)),
      errorId: 'PositionalParameterNotFound',
      commandName: b.commandName,
      argument: first.value,
      extent: first.extent,
    }),
    'binding',
  );
}

/** Settles the parameter set and lists the mandatory parameters still missing (PowerShell's BindCommandLineParameters tail). */
function resolveSetAndMandatory(b: Binding): CompiledParameter[] {
  let count = b.expectingInput ? validateParameterSets(b, true, false) : validateParameterSets(b, false, true);
  if (count > 1 && b.expectingInput) {
    const narrowed = dropSetsTakingNoPipelineInput(b);
    if (narrowed !== b.flags) {
      b.flags = narrowed;
      count = validateParameterSets(b, true, false);
    }
  }
  const missing = missingMandatoryParameters(b, b.expectingInput);
  if (!b.expectingInput) verifyParameterSetSelected(b);
  return missing;
}

/**
 * Binds a command's arguments. The result is the bound state (with the mandatory parameters still
 * missing, for the caller to prompt for or to fail with), or PowerShell's binding error.
 */
export function bindArguments(metadata: CommandMetadata, args: readonly CommandArgument[], options: BindOptions): BindState | BindFailure {
  const command = compiledCommand(metadata);
  const b = new Binding(command, options.commandName, options.expectingInput);
  try {
    let rest = pairNamesWithValues(command, readArguments(args), b.commandName);
    rest = bindNamedArguments(b, rest);
    const positional = bindPositionalArguments(b, rest);
    rest = positional.remaining;
    if (!metadata.cmdletBinding) return stateOf(b, [], leftoverValues(rest));
    validateParameterSets(b, true, false);
    rest = bindRemainingArguments(b, rest);
    verifyArgumentsProcessed(b, rest, positional.lastError);
    return stateOf(b, resolveSetAndMandatory(b), []);
  } catch (e) {
    if (e instanceof BindError) return e.failure;
    throw e;
  }
}

/** The mandatory parameters still missing after binding the command line. */
export function missingMandatory(state: BindState): readonly ParameterMetadata[] {
  return state.missingMandatory;
}

/** PowerShell's MissingMandatoryParameter error for a state that still misses mandatory parameters (no prompt possible). */
export function missingMandatoryFailure(state: BindState): BindFailure {
  const names = state.missingMandatory.map((p) => p.name);
  return bindFailure({
    message: text.missingMandatoryParameter(names),
    errorId: 'MissingMandatoryParameter',
    commandName: state.commandName,
    parameterName: names.join(' '),
  });
}

/**
 * Binds the values the user typed at the mandatory-parameter prompt (converted and validated like
 * named arguments) and returns the new state, or the binding error.
 */
export function bindPrompted(state: BindState, values: ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>): BindState | BindFailure {
  const b = Binding.resume(snapshotOf(state));
  const entries = values instanceof Map ? [...values.entries()] : Object.entries(values);
  try {
    for (const [name, value] of entries) {
      const parameter = findParameter(b.command, name, b.commandName);
      if (!parameter) {
        throw new BindError(
          bindFailure({ message: text.namedParameterNotFound(name), errorId: 'NamedParameterNotFound', commandName: b.commandName, parameterName: name }),
          'binding',
        );
      }
      b.bind(parameter, value, { convert: true });
    }
    const missing = missingMandatoryParameters(b, b.expectingInput);
    if (!b.expectingInput) verifyParameterSetSelected(b);
    return stateOf(b, missing, state.unboundArguments);
  } catch (e) {
    if (e instanceof BindError) return e.failure;
    throw e;
  }
}
