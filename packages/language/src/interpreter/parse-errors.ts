/**
 * Parse errors as PowerShell reports them: a ParseException whose record points at the first
 * error, category ParserError; the message lists every error as pwsh does.
 */
import { ErrorRecord, PSException } from '@dpmsh/runtime';
import type { ParseError } from '../parser/errors.js';
import { scriptExtent } from './errors.js';

/** One error record for the parse errors of a script. */
export function parseErrorRecord(errors: readonly ParseError[]): ErrorRecord {
  const first = errors[0];
  const message = errors.length === 1 ? first.message : errors.map((e) => e.message).join('\n');
  return new ErrorRecord({
    exception: new PSException(message, { typeName: 'System.Management.Automation.ParseException' }),
    errorId: first.errorId,
    category: 'ParserError',
    invocationInfo: { extent: scriptExtent(first.extent), scriptName: first.extent.file || undefined },
  });
}
