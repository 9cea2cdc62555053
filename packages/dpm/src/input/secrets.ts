/** Passphrases and passwords arrive as [securestring] (or, as DPM also accepts, plain strings). */
import { errorRecord, terminate, PSSecureString } from '@dpmsh/runtime';

/** The text of a secret parameter; a clear error for anything else. */
export function secretText(value: unknown, parameter: string): string {
  if (value instanceof PSSecureString) return value.reveal();
  if (typeof value === 'string') return value;
  return terminate(
    errorRecord(
      `Cannot process argument on parameter '${parameter}': supply a SecureString (ConvertTo-SecureString or Read-Host -AsSecureString) or a string.`,
      'SecretTypeNotSupported',
      'InvalidArgument',
      { typeName: 'System.Management.Automation.PSArgumentException' },
    ),
  );
}
