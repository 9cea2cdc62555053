/**
 * The validation attributes a bound value must pass (ValidateSet, ValidateRange, ValidateLength,
 * ValidatePattern, ValidateCount, ValidateNotNull, ValidateNotNullOrEmpty), then the rule that a
 * mandatory parameter refuses $null, '' and empty collections unless AllowNull, AllowEmptyString
 * or AllowEmptyCollection says otherwise. ValidateScript runs script code, so it is async and
 * lives in validate-script.ts.
 */
import type { ValidateRangeKind, Validation } from '../metadata/command.js';
import { toJsRegExp, tryConvert, dotNetToString, baseOf, typeOf, enumerableItems, PSHashtable } from '@dpmsh/runtime';
import type { ArgumentSite } from './coerce.js';
import type { CompiledParameter, ParameterType } from './compiled-command.js';
import { BindError, bindFailure, text, VALIDATION_EXCEPTION } from './messages.js';

const isNull = (v: unknown): v is null | undefined => v === null || v === undefined;

/** A validation attribute's failure: its own id and message, before the binder wraps them. */
export class ValidationFailure extends Error {
  constructor(
    readonly errorId: string,
    message: string,
  ) {
    super(message);
    this.name = 'ValidationFailure';
  }
}

/** The binder's ParameterArgumentValidationError around a validation attribute's failure. */
export function validationError(parameter: CompiledParameter, value: unknown, failure: ValidationFailure, site: ArgumentSite): BindError {
  return new BindError(
    bindFailure({
      message: text.validationError(parameter.name, failure.message),
      errorId: 'ParameterArgumentValidationError',
      category: 'InvalidData',
      typeName: VALIDATION_EXCEPTION,
      commandName: site.commandName,
      parameterName: parameter.name,
      argument: value,
      extent: site.extent,
      inner: { message: failure.message, errorId: failure.errorId },
    }),
    'validation',
  );
}

/** Runs a check on each element of an array value, or on the value itself (ValidateEnumeratedArgumentsAttribute). */
export function forEachElement(value: unknown, check: (element: unknown) => void): void {
  if (isNull(value)) throw new ValidationFailure('ArgumentIsEmpty', text.validateNotNullFailure());
  const items = enumerableItems(baseOf(value));
  if (items) for (const item of items) check(baseOf(item));
  else check(baseOf(value));
}

function checkSet(values: readonly string[], ignoreCase: boolean, element: unknown): void {
  if (isNull(element)) throw new ValidationFailure('ArgumentIsEmpty', text.validateNotNullFailure());
  const s = dotNetToString(element);
  const found = ignoreCase ? values.some((v) => v.toLowerCase() === s.toLowerCase()) : values.includes(s);
  if (!found) throw new ValidationFailure('ValidateSetFailure', text.validateSetFailure(s, values.join(',')));
}

/** The type PowerShell compares a ValidateRange in: Int32 for integer limits, else Double. */
function rangeType(min: number, max: number): { readonly name: string; readonly fullName: string } {
  const int32 = (n: number): boolean => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647;
  if (int32(min) && int32(max)) return { name: 'Int32', fullName: 'System.Int32' };
  if (Number.isInteger(min) && Number.isInteger(max)) return { name: 'Int64', fullName: 'System.Int64' };
  return { name: 'Double', fullName: 'System.Double' };
}

function checkRange(min: number, max: number, element: unknown): void {
  if (isNull(element)) throw new ValidationFailure('ArgumentIsEmpty', text.validateNotNullFailure());
  const promoted = rangeType(min, max);
  let n: unknown = element;
  if (typeOf(element).fullName !== promoted.fullName) {
    const converted = tryConvert(element, promoted.fullName);
    if (!converted.ok) throw new ValidationFailure('ValidationRangeElementType', text.validateRangeElementType(typeOf(element).name, promoted.name));
    n = converted.value;
  }
  const num = Number(n);
  if (num < min) throw new ValidationFailure('ValidateRangeTooSmall', text.validateRangeTooSmall(dotNetToString(n), dotNetToString(min)));
  if (num > max) throw new ValidationFailure('ValidateRangeTooBig', text.validateRangeTooBig(dotNetToString(n), dotNetToString(max)));
}

/** [ValidateRange(kind)]: the element compared with zero, as PowerShell compares it after converting it to a number. */
function checkRangeKind(range: ValidateRangeKind, element: unknown): void {
  if (isNull(element)) throw new ValidationFailure('ArgumentIsEmpty', text.validateNotNullFailure());
  const converted = typeof element === 'number' ? { ok: true as const, value: element } : tryConvert(element, 'System.Double');
  if (!converted.ok) throw new ValidationFailure('ValidationRangeElementType', text.validateRangeElementType(typeOf(element).name, 'Int32'));
  const n = Number(converted.value);
  const passes = range === 'Positive' ? n > 0 : range === 'NonNegative' ? n >= 0 : range === 'Negative' ? n < 0 : n <= 0;
  if (!passes) throw new ValidationFailure(`ValidateRange${range}Failure`, text.validateRangeKindFailure(range, dotNetToString(element)));
}

function checkLength(min: number, max: number, element: unknown): void {
  if (typeof element !== 'string') throw new ValidationFailure('ValidateLengthNotString', text.validateLengthNotString());
  if (element.length < min) throw new ValidationFailure('ValidateLengthMinLengthFailure', text.validateLengthMinLengthFailure(min, element.length));
  if (element.length > max) throw new ValidationFailure('ValidateLengthMaxLengthFailure', text.validateLengthMaxLengthFailure(max, element.length));
}

function checkPattern(pattern: string, element: unknown): void {
  if (isNull(element)) throw new ValidationFailure('ArgumentIsEmpty', text.validateNotNullFailure());
  const s = dotNetToString(element);
  // ValidatePattern matches case-insensitively (RegexOptions.IgnoreCase), anywhere in the text.
  if (!toJsRegExp(pattern, { caseSensitive: false }).test(s)) throw new ValidationFailure('ValidatePatternFailure', text.validatePatternFailure(s, pattern));
}

function checkCount(min: number, max: number, value: unknown): void {
  const base = baseOf(value);
  let count: number;
  if (isNull(base)) count = 0;
  else if (enumerableItems(base)) count = enumerableItems(base)?.length ?? 0;
  else if (base instanceof PSHashtable) count = base.size;
  else if (typeof base === 'string') count = base.length;
  else throw new ValidationFailure('NotAnArrayParameter', text.validateCountNotInArray());
  if (min === max && count !== max) throw new ValidationFailure('ValidateCountExactFailure', text.validateCountExactFailure(max, count));
  if (count < min || count > max) throw new ValidationFailure('ValidateCountMinMaxFailure', text.validateCountMinMaxFailure(min, max, count));
}

function checkNotNull(value: unknown): void {
  if (isNull(value)) throw new ValidationFailure('ArgumentIsNull', text.validateNotNullFailure());
  const items = enumerableItems(baseOf(value));
  if (items?.some(isNull)) throw new ValidationFailure('ArgumentIsNull', text.validateNotNullCollectionFailure());
}

function checkNotNullOrEmpty(value: unknown): void {
  const base = baseOf(value);
  if (isNull(base)) throw new ValidationFailure('ArgumentIsNull', text.validateNotNullOrEmptyFailure());
  if (base === '') throw new ValidationFailure('ArgumentIsEmpty', text.validateNotNullOrEmptyFailure());
  const items = enumerableItems(base);
  if (items) {
    for (const item of items) {
      if (isNull(item)) throw new ValidationFailure('ArgumentIsNull', text.validateNotNullOrEmptyCollectionFailure());
      if (item === '') throw new ValidationFailure('ArgumentCollectionContainsEmpty', text.validateNotNullOrEmptyCollectionFailure());
    }
    if (items.length === 0) throw new ValidationFailure('ArgumentIsEmpty', text.validateNotNullOrEmptyCollectionFailure());
  } else if (base instanceof PSHashtable && base.size === 0) {
    throw new ValidationFailure('ArgumentIsEmpty', text.validateNotNullOrEmptyCollectionFailure());
  }
}

/** Runs one validation attribute (script validations excepted); throws a ValidationFailure. */
export function runValidation(validation: Validation, value: unknown): void {
  switch (validation.kind) {
    case 'set':
      return forEachElement(value, (e) => checkSet(validation.values, validation.ignoreCase ?? true, e));
    case 'range':
      return forEachElement(value, (e) => checkRange(validation.min, validation.max, e));
    case 'rangeKind':
      return forEachElement(value, (e) => checkRangeKind(validation.range, e));
    case 'length':
      return forEachElement(value, (e) => checkLength(validation.min, validation.max, e));
    case 'pattern':
      return forEachElement(value, (e) => checkPattern(validation.pattern, e));
    case 'count':
      return checkCount(validation.min, validation.max, value);
    case 'notNull':
      return checkNotNull(value);
    case 'notNullOrEmpty':
      return checkNotNullOrEmpty(value);
    case 'script':
      return;
  }
}

/** The mandatory-parameter rule for one value (ValidateNullOrEmptyArgument). */
function checkMandatoryValue(parameter: CompiledParameter, type: ParameterType, value: unknown, site: ArgumentSite, recurse: boolean): void {
  const m = parameter.metadata;
  const refuse = (message: string, errorId: string): never => {
    throw new BindError(
      bindFailure({
        message,
        errorId,
        category: 'InvalidData',
        typeName: VALIDATION_EXCEPTION,
        commandName: site.commandName,
        parameterName: parameter.name,
        argument: value,
        extent: site.extent,
      }),
      'validation',
    );
  };
  if (isNull(value)) {
    if (!m.allowNull) refuse(text.nullNotAllowed(parameter.name), 'ParameterArgumentValidationErrorNullNotAllowed');
    return;
  }
  if (type.isString) {
    if (value === '' && !m.allowEmptyString) refuse(text.emptyStringNotAllowed(parameter.name), 'ParameterArgumentValidationErrorEmptyStringNotAllowed');
    return;
  }
  if (!recurse || !type.isCollection) return;
  const items = enumerableItems(baseOf(value));
  if (!items) return;
  const element = type.element;
  if (element && !element.isValueType) for (const item of items) checkMandatoryValue(parameter, element, item, site, false);
  if (items.length === 0 && !m.allowEmptyCollection) {
    if (type.isList) refuse(text.emptyCollectionNotAllowed(parameter.name), 'ParameterArgumentValidationErrorEmptyCollectionNotAllowed');
    else refuse(text.emptyArrayNotAllowed(parameter.name), 'ParameterArgumentValidationErrorEmptyArrayNotAllowed');
  }
}

/**
 * Validates a value bound to a parameter: its validation attributes in declared order, then, for
 * a parameter mandatory in some set, the $null / '' / empty collection rule. Throws a BindError.
 */
export function validateArgument(parameter: CompiledParameter, value: unknown, site: ArgumentSite): void {
  for (const validation of parameter.validations) {
    try {
      runValidation(validation, value);
    } catch (e) {
      if (e instanceof ValidationFailure) throw validationError(parameter, value, e, site);
      throw e;
    }
  }
  if (parameter.mandatoryInSomeSet) checkMandatoryValue(parameter, parameter.type, value, site, true);
}
