/**
 * Errors the interpreter raises, with PowerShell's messages and ids and the script position.
 */
import { ErrorRecord, PSException, RuntimeError } from '@dpmsh/runtime';
import type { ErrorCategory, ScriptExtent } from '@dpmsh/runtime';
import type { Extent } from '../parser/ast.js';

/** The error-record form of a syntax-tree extent. */
export function scriptExtent(extent: Extent): ScriptExtent {
  return {
    file: extent.file || undefined,
    startLine: extent.startLine,
    startColumn: extent.startColumn,
    endLine: extent.endLine,
    endColumn: extent.endColumn,
    startOffset: extent.startOffset,
    endOffset: extent.endOffset,
    text: extent.text,
    lineText: extent.startLineText,
  };
}

/** Options of an interpreter error. */
interface InterpreterErrorOptions {
  readonly category?: ErrorCategory;
  readonly typeName?: string;
  readonly targetObject?: unknown;
  readonly terminates?: 'statement' | 'script';
}

/** A terminating error raised by the interpreter at a position of the script. */
export function scriptError(message: string, errorId: string, extent: Extent | undefined, options: InterpreterErrorOptions = {}): RuntimeError {
  const record = new ErrorRecord({
    exception: new PSException(message, { typeName: options.typeName ?? 'System.Management.Automation.RuntimeException' }),
    errorId,
    category: options.category ?? 'InvalidOperation',
    targetObject: options.targetObject,
    invocationInfo: extent ? { extent: scriptExtent(extent), scriptName: extent.file || undefined } : undefined,
  });
  return new RuntimeError(record, options.terminates ?? 'statement');
}

/** Gives an error that came from the runtime (a conversion, a member) the position it happened at. */
export function atPosition(error: unknown, extent: Extent): unknown {
  if (error instanceof RuntimeError && !error.errorRecord.invocationInfo?.extent) {
    error.errorRecord.invocationInfo = { ...error.errorRecord.invocationInfo, extent: scriptExtent(extent), scriptName: extent.file || undefined };
  }
  return error;
}

/** "You cannot call a method on a null-valued expression." */
export const nullMethodCall = (extent: Extent): RuntimeError =>
  scriptError('You cannot call a method on a null-valued expression.', 'InvokeMethodOnNull', extent);

/** "Cannot index into a null array." */
export const nullIndex = (extent: Extent): RuntimeError => scriptError('Cannot index into a null array.', 'NullArray', extent);
