/**
 * PowerShell's error records. A cmdlet reports a user's mistake as an ErrorRecord with a stable
 * FullyQualifiedErrorId ("Id,Command", or "Id,Namespace.ClassCommand" for compiled cmdlets), a category and a target; a terminating error travels as a
 * thrown `RuntimeError` that carries its record.
 */
import { DomainError, type ErrorCategory } from '@dpmsh/core';

/** PowerShell's ErrorCategory names; defined in core, where domain errors name them too. */
export type { ErrorCategory } from '@dpmsh/core';

/** A region of script text, for the position marker under an error. */
export interface ScriptExtent {
  readonly file?: string;
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly startOffset: number;
  readonly endOffset: number;
  /** The text of the extent. */
  readonly text: string;
  /** The whole text of the first line of the extent. */
  readonly lineText: string;
}

/** Where a command ran: its name and the script position of the command or failing argument. */
export interface InvocationInfo {
  readonly commandName?: string;
  /**
   * The .NET class of a compiled cmdlet (`Microsoft.PowerShell.Commands.GetChildItemCommand`):
   * the FullyQualifiedErrorId names it instead of the command name. Absent for functions, scripts
   * and cmdlets without one.
   */
  readonly implementingType?: string;
  readonly scriptName?: string;
  readonly extent?: ScriptExtent;
  /**
   * The name as the script wrote it (an alias, or a name no command answers to). Set without
   * `commandName` when the command itself is unknown (CommandNotFoundException), so the error
   * id stays bare and the error view still names what was typed.
   */
  readonly invocationName?: string;
}

/**
 * The exception inside an error record. `typeName` is the .NET exception type PowerShell would
 * use (`System.Management.Automation.ParameterBindingException`...), which `catch [Type]` matches.
 */
export class PSException extends Error {
  readonly typeName: string;
  readonly innerException?: PSException | Error;
  /** Set when the exception came from a `throw` statement in a script. */
  readonly thrownValue?: unknown;
  /**
   * The error id of the exception's own record, for exceptions that are the inner exception of
   * another record (`$err.Exception.InnerException.ErrorRecord.FullyQualifiedErrorId`, e.g.
   * `ValidateSetFailure` inside a ParameterArgumentValidationError).
   */
  readonly errorId?: string;
  constructor(message: string, options: { typeName?: string; inner?: PSException | Error; thrownValue?: unknown; errorId?: string } = {}) {
    super(message);
    this.name = 'PSException';
    this.typeName = options.typeName ?? 'System.Management.Automation.RuntimeException';
    this.innerException = options.inner;
    this.thrownValue = options.thrownValue;
    this.errorId = options.errorId;
  }
}

/** What an error record is built from. */
export interface ErrorRecordInit {
  readonly exception: PSException;
  /** The bare error id; the record adds ",Command" when the error came from a command. */
  readonly errorId: string;
  readonly category: ErrorCategory;
  readonly targetObject?: unknown;
  readonly invocationInfo?: InvocationInfo;
  readonly recommendedAction?: string;
  /** A message to show instead of the exception's (ErrorDetails). */
  readonly detailsMessage?: string;
  /** CategoryInfo parts set explicitly (Write-Error -CategoryActivity...). */
  readonly categoryInfo?: CategoryInfoOverrides;
}

/** The parts of an error's CategoryInfo a command set itself instead of the derived ones. */
export interface CategoryInfoOverrides {
  readonly activity?: string;
  readonly reason?: string;
  readonly targetName?: string;
  readonly targetType?: string;
}

/** PowerShell's ErrorRecord. */
export class ErrorRecord {
  readonly exception: PSException;
  readonly errorId: string;
  readonly category: ErrorCategory;
  readonly targetObject: unknown;
  invocationInfo?: InvocationInfo;
  readonly recommendedAction?: string;
  readonly detailsMessage?: string;
  /** CategoryInfo parts set explicitly; the rest derive from the invocation, exception and target. */
  categoryInfoOverrides?: CategoryInfoOverrides;
  /** Set once the record has been through $? / $Error handling, so it is counted once. */
  recorded = false;

  constructor(init: ErrorRecordInit) {
    this.exception = init.exception;
    this.errorId = init.errorId;
    this.category = init.category;
    this.targetObject = init.targetObject ?? null;
    this.invocationInfo = init.invocationInfo;
    this.recommendedAction = init.recommendedAction;
    this.detailsMessage = init.detailsMessage;
    this.categoryInfoOverrides = init.categoryInfo;
  }

  /** "Id,Command" (or "Id,ImplementingType" for a compiled cmdlet) when a command reported it, the bare id otherwise. */
  get fullyQualifiedErrorId(): string {
    const command = this.invocationInfo?.commandName;
    if (!command) return this.errorId;
    return `${this.errorId},${this.invocationInfo?.implementingType || command}`;
  }

  /** The text shown for the error: ErrorDetails when set, the exception message otherwise. */
  get message(): string {
    return this.detailsMessage ?? this.exception.message;
  }

  /** The category line: "InvalidArgument: (target:String) [Cmd], ExceptionType". */
  get categoryInfo(): string {
    const reason = this.categoryInfoOverrides?.reason ?? this.exception.typeName.slice(this.exception.typeName.lastIndexOf('.') + 1);
    const activity = this.categoryInfoOverrides?.activity ?? this.invocationInfo?.commandName ?? '';
    const target = this.targetObject === null || this.targetObject === undefined ? '' : String(this.targetObject);
    return `${this.category}: (${target}:${typeof this.targetObject === 'string' ? 'String' : 'Object'}) [${activity}], ${reason}`;
  }

  toString(): string {
    return this.message;
  }

  /** A copy with the invocation info set, for the pipeline to say which command and where. */
  withInvocation(info: InvocationInfo): ErrorRecord {
    const copy = new ErrorRecord({ ...this, exception: this.exception, errorId: this.errorId, category: this.category, categoryInfo: this.categoryInfoOverrides });
    copy.invocationInfo = info;
    return copy;
  }
}

/**
 * A terminating error: thrown, it carries its record. A statement-terminating error (a cmdlet's
 * ThrowTerminatingError, a failed conversion) stops the statement and the script goes on; a
 * script-terminating one (`throw`, -ErrorAction Stop) unwinds to the nearest try/catch or trap.
 */
export class RuntimeError extends Error {
  constructor(
    readonly errorRecord: ErrorRecord,
    readonly terminates: 'statement' | 'script' = 'statement',
  ) {
    super(errorRecord.message);
    this.name = 'RuntimeError';
  }
}

/** Builds an error record in one call. */
export function errorRecord(
  message: string,
  errorId: string,
  category: ErrorCategory,
  options: { typeName?: string; targetObject?: unknown; recommendedAction?: string; inner?: Error } = {},
): ErrorRecord {
  return new ErrorRecord({
    exception: new PSException(message, { typeName: options.typeName, inner: options.inner }),
    errorId,
    category,
    targetObject: options.targetObject,
    recommendedAction: options.recommendedAction,
  });
}

/** Throws a terminating error. */
export function terminate(record: ErrorRecord): never {
  throw new RuntimeError(record);
}

/** The pipeline was stopped (Ctrl+C, or `exit` inside a pipeline): unwinds every command. */
export class PipelineStoppedError extends Error {
  constructor() {
    super('The pipeline has been stopped.');
    this.name = 'PipelineStoppedError';
  }
}

/** A downstream command needs no more input (Select-Object -First): upstream commands stop quietly. */
export class StopUpstreamError extends Error {
  constructor(readonly requester: object) {
    super('Upstream commands were stopped.');
    this.name = 'StopUpstreamError';
  }
}

/** A Node system error (ENOENT, EACCES...) as PowerShell would report the .NET I/O exception. */
function systemErrorRecord(error: NodeJS.ErrnoException): ErrorRecord {
  const category: ErrorCategory =
    error.code === 'ENOENT' ? 'ObjectNotFound' : error.code === 'EACCES' || error.code === 'EPERM' ? 'PermissionDenied' : error.code === 'EEXIST' ? 'ResourceExists' : 'NotSpecified';
  return errorRecord(error.message, error.code ?? 'System.IO.IOException', category, {
    typeName: error.code === 'ENOENT' ? 'System.IO.FileNotFoundException' : error.code === 'EACCES' || error.code === 'EPERM' ? 'System.UnauthorizedAccessException' : 'System.IO.IOException',
    targetObject: error.path ?? null,
  });
}

/**
 * What a command threw, as a terminating error: a domain rule's refusal keeps its stable id,
 * category and recommended action; an operating-system error becomes PowerShell's I/O error.
 * Anything else is not the user's doing and is returned as is (a bug surfaces as one).
 */
export function asRuntimeError(error: unknown): unknown {
  if (error instanceof RuntimeError) return error;
  if (error instanceof DomainError) {
    return new RuntimeError(
      new ErrorRecord({
        exception: new PSException(error.message, { typeName: 'Dpmsh.DomainException', inner: error }),
        errorId: error.id,
        category: error.category,
        targetObject: error.target ?? null,
        recommendedAction: error.recommendedAction,
      }),
    );
  }
  if (error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).syscall) {
    return new RuntimeError(systemErrorRecord(error as NodeJS.ErrnoException));
  }
  return error;
}
