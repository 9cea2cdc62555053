/**
 * The .NET exception types `catch [Type]` and `trap [Type]` match, with their base types, so
 * that catching a base type catches its derived ones as in PowerShell.
 */
import { PSException } from '@dpmsh/runtime';

const SMA = 'System.Management.Automation.';

/** Each exception type and its direct base type. */
const BASE: Record<string, string> = {
  'System.SystemException': 'System.Exception',
  'System.ApplicationException': 'System.Exception',
  [`${SMA}RuntimeException`]: 'System.SystemException',
  [`${SMA}ParameterBindingException`]: `${SMA}RuntimeException`,
  [`${SMA}ParameterBindingValidationException`]: `${SMA}ParameterBindingException`,
  [`${SMA}ParameterBindingArgumentTransformationException`]: `${SMA}ParameterBindingException`,
  [`${SMA}CommandNotFoundException`]: `${SMA}RuntimeException`,
  [`${SMA}SessionStateException`]: `${SMA}RuntimeException`,
  [`${SMA}ItemNotFoundException`]: `${SMA}SessionStateException`,
  [`${SMA}DriveNotFoundException`]: `${SMA}SessionStateException`,
  [`${SMA}SessionStateUnauthorizedAccessException`]: `${SMA}SessionStateException`,
  [`${SMA}PSInvalidCastException`]: 'System.InvalidCastException',
  [`${SMA}MethodException`]: `${SMA}RuntimeException`,
  [`${SMA}MethodInvocationException`]: `${SMA}MethodException`,
  [`${SMA}ActionPreferenceStopException`]: `${SMA}RuntimeException`,
  [`${SMA}PipelineStoppedException`]: `${SMA}RuntimeException`,
  [`${SMA}ValidationMetadataException`]: `${SMA}MetadataException`,
  [`${SMA}MetadataException`]: `${SMA}RuntimeException`,
  [`${SMA}ArgumentTransformationMetadataException`]: `${SMA}MetadataException`,
  [`${SMA}PSInvalidOperationException`]: 'System.InvalidOperationException',
  [`${SMA}PSArgumentException`]: 'System.ArgumentException',
  [`${SMA}PSArgumentNullException`]: 'System.ArgumentNullException',
  [`${SMA}PSNotSupportedException`]: 'System.NotSupportedException',
  [`${SMA}Host.HostException`]: `${SMA}RuntimeException`,
  [`${SMA}PSSecurityException`]: `${SMA}RuntimeException`,
  [`${SMA}ParseException`]: `${SMA}RuntimeException`,
  [`${SMA}IncompleteParseException`]: `${SMA}ParseException`,
  'System.ArgumentException': 'System.SystemException',
  'System.ArgumentNullException': 'System.ArgumentException',
  'System.ArgumentOutOfRangeException': 'System.ArgumentException',
  'System.InvalidOperationException': 'System.SystemException',
  'System.ObjectDisposedException': 'System.InvalidOperationException',
  'System.InvalidCastException': 'System.SystemException',
  'System.FormatException': 'System.SystemException',
  'System.NotSupportedException': 'System.SystemException',
  'System.NotImplementedException': 'System.SystemException',
  'System.ArithmeticException': 'System.SystemException',
  'System.DivideByZeroException': 'System.ArithmeticException',
  'System.OverflowException': 'System.ArithmeticException',
  'System.IndexOutOfRangeException': 'System.SystemException',
  'System.Collections.Generic.KeyNotFoundException': 'System.SystemException',
  'System.UnauthorizedAccessException': 'System.SystemException',
  'System.TimeoutException': 'System.SystemException',
  'System.OperationCanceledException': 'System.SystemException',
  'System.IO.IOException': 'System.SystemException',
  'System.IO.FileNotFoundException': 'System.IO.IOException',
  'System.IO.DirectoryNotFoundException': 'System.IO.IOException',
  'System.IO.PathTooLongException': 'System.IO.IOException',
  'System.Net.WebException': 'System.InvalidOperationException',
  'System.Net.Http.HttpRequestException': 'System.Exception',
  'System.Security.Cryptography.CryptographicException': 'System.SystemException',
};

const BY_LOWER = new Map<string, string>();
for (const name of [...Object.keys(BASE), ...Object.values(BASE), 'System.Exception']) BY_LOWER.set(name.toLowerCase(), name);

/** The canonical name of an exception type as a script writes it (`[Exception]`, `[System.IO.IOException]`). */
function canonical(name: string): string | undefined {
  const lower = name.toLowerCase();
  return BY_LOWER.get(lower) ?? BY_LOWER.get(`system.${lower}`) ?? BY_LOWER.get(`${SMA.toLowerCase()}${lower}`);
}

/** True when an exception is of the named type or derives from it. */
export function exceptionMatches(exception: PSException, typeName: string): boolean {
  const wanted = canonical(typeName) ?? typeName;
  let current: string | undefined = exception.typeName;
  // Exception types dpmsh does not list (a domain error's) derive from RuntimeException.
  if (!BASE[current] && current !== 'System.Exception') {
    if (current.toLowerCase() === wanted.toLowerCase()) return true;
    current = `${SMA}RuntimeException`;
  }
  while (current) {
    if (current.toLowerCase() === wanted.toLowerCase()) return true;
    current = BASE[current];
  }
  return false;
}

/** The types every caught error has besides its own: PowerShell wraps what it catches in a RuntimeException. */
const WRAPPER_TYPES = [`${SMA}RuntimeException`, 'System.SystemException', 'System.Exception'];

/**
 * Which handler takes an exception, as PowerShell picks it: each handler is a list of catch types,
 * or null for a catch-all. A handler naming the exception's own type (or a base of it) wins over an
 * earlier one that takes it only as the RuntimeException PowerShell wraps it in; -1 when none does.
 */
export function findHandler(exception: PSException, handlers: readonly (readonly string[] | null)[]): number {
  // A RuntimeException that wraps a .NET exception is caught by the wrapped type first, as in pwsh.
  const inner = exception.typeName === `${SMA}RuntimeException` && exception.innerException instanceof PSException ? exception.innerException : undefined;
  for (const candidate of inner ? [inner, exception] : [exception]) {
    const own = handlers.findIndex((types) => types !== null && types.some((t) => exceptionMatches(candidate, t)));
    if (own >= 0) return own;
  }
  return handlers.findIndex((types) => types === null || types.some((t) => WRAPPER_TYPES.includes(canonical(t) ?? t)));
}
