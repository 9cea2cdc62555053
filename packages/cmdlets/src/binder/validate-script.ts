/**
 * ValidateScript: the one validation that runs script code, so it is async and runs after the
 * synchronous binding, on each element of an array value with the element as `$_`.
 */
import type { CommandMetadata } from '../metadata/command.js';
import { toBoolean, RuntimeError, dotNetToString, baseOf, enumerableItems } from '@dpmsh/runtime';
import type { ScriptBlock } from '@dpmsh/runtime';
import { compiledCommand } from './compiled-command.js';
import type { CompiledParameter } from './compiled-command.js';
import { text } from './messages.js';
import type { BindFailure, BindState, BoundParameters } from './types.js';
import { validationError, ValidationFailure } from './validate.js';

/** Runs one script on one element; throws a ValidationFailure when it does not return true. */
async function checkElement(script: ScriptBlock, element: unknown): Promise<void> {
  if (element === null || element === undefined) throw new ValidationFailure('ArgumentIsEmpty', text.validateNotNullFailure());
  let output: unknown[];
  try {
    output = await script.invoke({ dollarUnder: element });
  } catch (e) {
    if (e instanceof RuntimeError) throw new ValidationFailure(e.errorRecord.errorId, e.errorRecord.message);
    throw e;
  }
  // One output object is the result; several make an array, which is true.
  const result = output.length === 1 ? output[0] : output;
  if (!toBoolean(result)) throw new ValidationFailure('ValidateScriptFailure', text.validateScriptFailure(dotNetToString(element), script.text));
}

async function checkParameter(parameter: CompiledParameter, value: unknown): Promise<void> {
  for (const script of parameter.validationScripts) {
    if (value === null || value === undefined) throw new ValidationFailure('ArgumentIsEmpty', text.validateNotNullFailure());
    const items = enumerableItems(baseOf(value)) ?? [value];
    for (const item of items) await checkElement(script, baseOf(item));
  }
}

/**
 * Runs the ValidateScript validations of the bound parameters: all of them, or only `names`
 * (the parameters a pipeline object bound). Resolves to the ParameterArgumentValidationError of
 * the first failure, or undefined.
 */
export async function validateScripts(
  bound: BindState | BoundParameters,
  metadata: CommandMetadata,
  options: { readonly names?: Iterable<string>; readonly commandName?: string } = {},
): Promise<BindFailure | undefined> {
  const command = compiledCommand(metadata);
  const only = options.names ? new Set(options.names) : undefined;
  const commandName = options.commandName ?? ('commandName' in bound ? bound.commandName : metadata.name);
  for (const parameter of command.parameters) {
    if (parameter.validationScripts.length === 0 || !bound.values.has(parameter.name)) continue;
    if (only && !only.has(parameter.name)) continue;
    const value = bound.values.get(parameter.name);
    try {
      await checkParameter(parameter, value);
    } catch (e) {
      if (!(e instanceof ValidationFailure)) throw e;
      const site = { commandName, isScript: command.isScript, extent: bound.extents?.get(parameter.name) };
      return validationError(parameter, value, e, site).failure;
    }
  }
  return undefined;
}
