/**
 * Fitting an argument to a parameter's type, in PowerShell's two passes: without conversion (the
 * value must already be of the type, or an array of it), then with conversion. Cmdlets convert
 * with the binder's own coercion (a failure is CannotConvertArgument...); script functions convert
 * through argument transformation (a failure is ParameterArgumentTransformationError).
 */
import { convertForParameter, RuntimeError, baseOf, markTypedArray, typeOf, enumerableItems, PSList, PSNumber, PSSwitch } from '@dpmsh/runtime';
import type { ScriptExtent } from '@dpmsh/runtime';
import type { CompiledParameter, ParameterType } from './compiled-command.js';
import { BindError, bindFailure, text, TRANSFORMATION_EXCEPTION, valueText } from './messages.js';

/** What the pass without conversion returns when the value is not already of the parameter's type. */
export const NEEDS_CONVERSION: unique symbol = Symbol('needs conversion');

/** Where an argument is being bound, for the errors. */
export interface ArgumentSite {
  readonly commandName: string;
  readonly isScript: boolean;
  readonly extent?: ScriptExtent;
}

const isNull = (v: unknown): v is null | undefined => v === null || v === undefined;

/** The message of whatever a conversion threw. */
export function messageOf(e: unknown): string {
  if (e instanceof RuntimeError) return e.errorRecord.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

/**
 * The value as the type when it already is one, else NEEDS_CONVERSION. A PSObject wrapping a base
 * object (a string with a note property) binds as its base object, as in PowerShell.
 */
function asInstance(type: ParameterType, value: unknown): unknown {
  const info = type.info;
  if (type.takesAnything || !info) return value;
  const base = baseOf(value);
  if (base !== value && info.isInstance(base)) return base;
  return info.isInstance(value) ? value : NEEDS_CONVERSION;
}

/** The array (typed, so GetType() says String[]) or list a collection parameter holds. */
function collection(type: ParameterType, items: unknown[]): unknown {
  const element = type.element?.info;
  if (type.isList) return new PSList(items, type.fullName === 'System.Collections.ArrayList' ? undefined : element?.fullName);
  return element ? markTypedArray(items, element) : items;
}

/** Wraps a scalar into the array a collection parameter takes, or keeps an array whose elements already fit. */
function encodeWithoutConversion(type: ParameterType, value: unknown): unknown {
  const element = type.element;
  const base = baseOf(value);
  const items = enumerableItems(base);
  const fits = (v: unknown): boolean => isNull(v) || element === undefined || element.takesAnything || element.info?.isInstance(v) === true;
  if (items) {
    const out: unknown[] = [];
    for (const item of items) {
      const b = baseOf(item);
      if (!fits(b)) return NEEDS_CONVERSION;
      out.push(b);
    }
    return collection(type, out);
  }
  return fits(base) ? collection(type, [base]) : NEEDS_CONVERSION;
}

/** The pass without conversion: the value as bound, or NEEDS_CONVERSION. */
export function fitWithoutConversion(parameter: CompiledParameter, value: unknown): unknown {
  const type = parameter.type;
  if (isNull(value)) return type.takesAnything || (!type.isValueType && !type.isString) ? null : NEEDS_CONVERSION;
  const instance = asInstance(type, value);
  if (instance !== NEEDS_CONVERSION) return instance;
  return type.isCollection ? encodeWithoutConversion(type, value) : NEEDS_CONVERSION;
}

/** The cmdlet binder's conversion of one value to one (non-collection) type. */
function coerceScalar(parameter: CompiledParameter, type: ParameterType, value: unknown, site: ArgumentSite): unknown {
  const fail = (message: string, errorId: string): never => {
    throw new BindError(
      bindFailure({ message, errorId, commandName: site.commandName, parameterName: parameter.name, argument: value, extent: site.extent }),
      'binding',
      true,
    );
  };
  if (isNull(value)) {
    if (type.isSwitch) return new PSSwitch(true);
    if (type.isBool) return fail(text.nullNotAllowed(parameter.name), 'ParameterArgumentValidationErrorNullNotAllowed');
    return null;
  }
  const instance = asInstance(type, value);
  if (instance !== NEEDS_CONVERSION) return instance;
  if (type.isSwitch || type.isBool) {
    // Only booleans and numbers become a [bool] or [switch]: 'false' is not $false.
    const base = baseOf(value);
    let flag: boolean;
    if (base instanceof PSSwitch) flag = base.isPresent;
    else if (typeof base === 'boolean') flag = base;
    else if (typeof base === 'number' || base instanceof PSNumber) flag = Number(base) !== 0;
    else return fail(text.cannotConvertArgument(parameter.name, type.fullName, typeOf(base).fullName, ''), 'CannotConvertArgument');
    return type.isSwitch ? new PSSwitch(flag) : flag;
  }
  if (enumerableItems(baseOf(value)) && !type.isEnum) {
    return fail(text.cannotConvertArgument(parameter.name, type.fullName, valueText(value), 'Specified method is not supported.'), 'CannotConvertArgument');
  }
  try {
    return convertForParameter(baseOf(value), type.info ?? type.fullName);
  } catch (e) {
    return fail(text.cannotConvertArgumentNoMessage(parameter.name, messageOf(e)), 'CannotConvertArgumentNoMessage');
  }
}

/** The cmdlet binder's conversion (CoerceTypeAsNeeded): scalars into arrays, element by element. */
function coerceForCmdlet(parameter: CompiledParameter, value: unknown, site: ArgumentSite): unknown {
  const type = parameter.type;
  if (!type.isCollection || isNull(value)) return coerceScalar(parameter, type, value, site);
  const instance = asInstance(type, value);
  if (instance !== NEEDS_CONVERSION) return instance;
  const element = type.element ?? type;
  const base = baseOf(value);
  const items = enumerableItems(base) ?? [base];
  return collection(
    type,
    items.map((item) => coerceScalar(parameter, element, item, site)),
  );
}

/** A script parameter's argument transformation: PowerShell's conversion to the declared type. */
function transformForScript(parameter: CompiledParameter, value: unknown, site: ArgumentSite): unknown {
  const type = parameter.type;
  if (type.takesAnything) return value;
  if (!isNull(value)) {
    const instance = asInstance(type, value);
    if (instance !== NEEDS_CONVERSION) return instance;
  }
  let converted: unknown;
  try {
    converted = convertForParameter(value, type.info ?? type.fullName);
  } catch (e) {
    throw new BindError(
      bindFailure({
        message: text.transformationError(parameter.name, messageOf(e)),
        errorId: 'ParameterArgumentTransformationError',
        category: 'InvalidData',
        typeName: TRANSFORMATION_EXCEPTION,
        commandName: site.commandName,
        parameterName: parameter.name,
        argument: value,
        extent: site.extent,
      }),
      'transformation',
      true,
    );
  }
  return type.isSwitch && typeof converted === 'boolean' ? new PSSwitch(converted) : converted;
}

/**
 * Fits an argument to a parameter. Without conversion it returns NEEDS_CONVERSION when the value is
 * not already of the type; with conversion it throws a BindError when the value cannot be converted.
 */
export function fitArgument(parameter: CompiledParameter, value: unknown, convert: boolean, site: ArgumentSite): unknown {
  if (!convert) return fitWithoutConversion(parameter, value);
  return site.isScript ? transformForScript(parameter, value, site) : coerceForCmdlet(parameter, value, site);
}
