/**
 * PowerShell's parameter binding errors: the English texts of ParameterBinderStrings and of the
 * validation attributes (Metadata strings), their error ids, categories and exception types.
 */
import { ErrorRecord, PSException, dotNetToString } from '@dpmsh/runtime';
import type { ErrorCategory, ScriptExtent } from '@dpmsh/runtime';
import type { BindFailure } from './types.js';

/** The .NET exception types a binding error carries (`catch [ParameterBindingException]` matches them all). */
export const BINDING_EXCEPTION = 'System.Management.Automation.ParameterBindingException';
export const VALIDATION_EXCEPTION = 'System.Management.Automation.ParameterBindingValidationException';
export const TRANSFORMATION_EXCEPTION = 'System.Management.Automation.ParameterBindingArgumentTransformationException';
const VALIDATION_METADATA_EXCEPTION = 'System.Management.Automation.ValidationMetadataException';

/**
 * Which kind of ParameterBindingException a failure is. The binder swallows some kinds where
 * PowerShell does (a failed conversion while trying positions or pipeline input) and stops on others.
 */
export type BindErrorKind = 'binding' | 'transformation' | 'validation';

/** What a binding failure is made of. */
export interface FailureSpec {
  readonly message: string;
  readonly errorId: string;
  readonly category?: ErrorCategory;
  readonly typeName?: string;
  readonly commandName: string;
  readonly parameterName?: string;
  readonly argument?: unknown;
  readonly extent?: ScriptExtent;
  /** The validation attribute's own failure, kept as the inner exception. */
  readonly inner?: { readonly message: string; readonly errorId: string; readonly typeName?: string };
  /** Set for pipeline input: PowerShell retargets the record at the input object. */
  readonly targetObject?: unknown;
}

/** A value as .NET's ToString() shows it in binding messages ('System.Object[]' for an array), `$null` for null. */
export function valueText(value: unknown): string {
  return value === null || value === undefined ? '$null' : dotNetToString(value);
}

/** Builds a binding failure. PowerShell leaves the record's target empty except for pipeline input. */
export function bindFailure(spec: FailureSpec): BindFailure {
  const inner = spec.inner
    ? new PSException(spec.inner.message, { typeName: spec.inner.typeName ?? VALIDATION_METADATA_EXCEPTION, errorId: spec.inner.errorId })
    : undefined;
  const error = new ErrorRecord({
    exception: new PSException(spec.message, { typeName: spec.typeName ?? BINDING_EXCEPTION, inner }),
    errorId: spec.errorId,
    category: spec.category ?? 'InvalidArgument',
    targetObject: spec.targetObject,
    invocationInfo: { commandName: spec.commandName, extent: spec.extent },
  });
  return {
    error,
    errorId: spec.errorId,
    innerErrorId: spec.inner?.errorId,
    parameterName: spec.parameterName,
    argument: spec.argument,
    extent: spec.extent,
  };
}

/** A binding failure travelling up from deep inside the binder to the public entry point. */
export class BindError extends Error {
  constructor(
    readonly failure: BindFailure,
    readonly kind: BindErrorKind,
    /** True when the failure is a failed type conversion (PowerShell's PSInvalidCastException inside). */
    readonly invalidCast = false,
  ) {
    super(failure.error.message);
    this.name = 'BindError';
  }
}

/** The texts themselves, one function per resource string. */
export const text = {
  namedParameterNotFound: (name: string) => `A parameter cannot be found that matches parameter name '${name}'.`,
  positionalParameterNotFound: (argument: string) => `A positional parameter cannot be found that accepts argument '${argument}'.`,
  missingArgument: (name: string, typeName: string) => `Missing an argument for parameter '${name}'. Specify a parameter of type '${typeName}' and try again.`,
  ambiguousParameter: (name: string, matches: readonly string[]) =>
    `Parameter cannot be processed because the parameter name '${name}' is ambiguous. Possible matches include:${matches.map((m) => ` -${m}`).join('')}.`,
  cannotConvertArgument: (name: string, typeName: string, value: string, detail: string) =>
    `Cannot convert '${value}' to the type '${typeName}' required by parameter '${name}'. ${detail}`,
  cannotConvertArgumentNoMessage: (name: string, detail: string) => `Cannot bind parameter '${name}'. ${detail}`,
  ambiguousPositionalParameterNoName: () => 'Cannot bind positional parameters because no names were given.',
  ambiguousParameterSet: () =>
    'Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.',
  missingMandatoryParameter: (names: readonly string[]) =>
    `Cannot process command because of one or more missing mandatory parameters:${names.map((n) => ` ${n}`).join('')}.`,
  parameterAlreadyBound: (name: string) =>
    `Cannot bind parameter because parameter '${name}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".`,
  scriptBlockArgumentNoInput: (name: string) =>
    `Cannot evaluate parameter '${name}' because its argument is specified as a script block and there is no input. A script block cannot be evaluated without input.`,
  scriptBlockArgumentInvocationFailed: (name: string, detail: string) => `The input to the script block for parameter '${name}' failed. ${detail}`,
  scriptBlockArgumentNoOutput: (name: string) => `Cannot evaluate parameter '${name}' because its argument input did not produce any output.`,
  inputObjectNotBound: () =>
    'The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.',
  // PowerShell formats the list with a leading space after ": ", so the text has two spaces there.
  inputObjectMissingMandatory: (names: readonly string[]) =>
    `The input object cannot be bound because it did not contain the information required to bind all mandatory parameters: ${names.map((n) => ` ${n}`).join('')}`,
  transformationError: (name: string, detail: string) => `Cannot process argument transformation on parameter '${name}'. ${detail}`,
  validationError: (name: string, detail: string) => `Cannot validate argument on parameter '${name}'. ${detail}`,
  nullNotAllowed: (name: string) => `Cannot bind argument to parameter '${name}' because it is null.`,
  emptyStringNotAllowed: (name: string) => `Cannot bind argument to parameter '${name}' because it is an empty string.`,
  emptyCollectionNotAllowed: (name: string) => `Cannot bind argument to parameter '${name}' because it is an empty collection.`,
  emptyArrayNotAllowed: (name: string) => `Cannot bind argument to parameter '${name}' because it is an empty array.`,

  validateSetFailure: (value: string, set: string) =>
    `The argument "${value}" does not belong to the set "${set}" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.`,
  validateRangeTooSmall: (value: string, min: string) =>
    `The ${value} argument is less than the minimum allowed range of ${min}. Supply an argument that is greater than or equal to ${min} and then try the command again.`,
  validateRangeTooBig: (value: string, max: string) =>
    `The ${value} argument is greater than the maximum allowed range of ${max}. Supply an argument that is less than or equal to ${max} and then try the command again.`,
  validateRangeKindFailure: (range: 'Positive' | 'NonNegative' | 'Negative' | 'NonPositive', value: string) =>
    `The argument "${value}" cannot be validated because its value is not ${
      { Positive: 'greater than zero', NonNegative: 'greater than or equal to zero', Negative: 'less than zero', NonPositive: 'less than or equal to zero' }[range]
    }.`,
  validateRangeElementType: (typeName: string, rangeTypeName: string) =>
    `The argument cannot be validated because its type "${typeName}" is not the same type (${rangeTypeName}) as the maximum and minimum limits of the parameter. Make sure the argument is of type ${rangeTypeName} and then try the command again.`,
  validateLengthNotString: () =>
    'The ValidateLength attribute cannot be applied to a parameter that is not a string or string[] parameter. Make the parameter a string or string[] parameter.',
  validateLengthMinLengthFailure: (min: number, length: number) =>
    `The character length (${length}) of the argument is too short. Specify an argument with a length that is greater than or equal to "${min}", and then try the command again.`,
  validateLengthMaxLengthFailure: (max: number, length: number) =>
    `The character length of the ${length} argument is too long. Shorten the character length of the argument so it is fewer than or equal to "${max}" characters, and then try the command again.`,
  validatePatternFailure: (value: string, pattern: string) =>
    `The argument "${value}" does not match the "${pattern}" pattern. Supply an argument that matches "${pattern}" and try the command again.`,
  validateCountNotInArray: () =>
    'The ValidateCount attribute cannot be applied to a non-array parameter. Either remove the attribute from the parameter or make the parameter an array parameter.',
  validateCountExactFailure: (count: number, length: number) => `The parameter requires exactly ${count} value(s) - ${length} value(s) were provided.`,
  validateCountMinMaxFailure: (min: number, max: number, length: number) =>
    `The parameter requires at least ${min} value(s) and no more than ${max} value(s) - ${length} value(s) were provided.`,
  validateNotNullFailure: () => 'The argument is null. Provide a valid value for the argument, and then try running the command again.',
  validateNotNullCollectionFailure: () =>
    'The argument has a null value, or an element of the argument collection contains a null value. Provide a collection that does not contain any null values, and then try the command again.',
  validateNotNullOrEmptyFailure: () => 'The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.',
  validateNotNullOrEmptyCollectionFailure: () =>
    'The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again.',
  validateScriptFailure: (value: string, script: string) =>
    `The "${script}" validation script for the argument with value "${value}" did not return a result of True. Determine why the validation script failed, and then try the command again.`,
} as const;
