/**
 * Where a script block's records go. A cmdlet that invokes a script block passes its own streams,
 * so the errors and warnings the block writes come out of the cmdlet; the framework's pipeline
 * runner implements these interfaces.
 */
import type { InvocationInfo, ErrorRecord } from './errors.js';
import type { DebugRecord, InformationRecord, ProgressRecord, VerboseRecord, WarningRecord } from './records.js';
import type { PSList } from './values.js';

/**
 * The -ErrorVariable, -WarningVariable and -InformationVariable lists that see a command's
 * records: its own, and those of the functions it runs inside.
 */
export interface VariableLists {
  readonly error: readonly PSList[];
  readonly warning: readonly PSList[];
  readonly information: readonly PSList[];
}

/** No variable lists. */
export const NO_VARIABLE_LISTS: VariableLists = Object.freeze({ error: [], warning: [], information: [] });

/**
 * The streams a pipeline inherits from the command it runs inside (a function body's pipelines
 * write where the function writes). Absent members go to the host.
 */
export interface PipelineStreams {
  error?(record: ErrorRecord): void | Promise<void>;
  warning?(record: WarningRecord): void | Promise<void>;
  verbose?(record: VerboseRecord): void | Promise<void>;
  debug?(record: DebugRecord): void | Promise<void>;
  information?(record: InformationRecord): void | Promise<void>;
  progress?(record: ProgressRecord): void;
  /** The enclosing commands' variable lists, which also see these records. */
  readonly variableLists?: VariableLists;
  /** The command these streams belong to: Write-Error reports its errors as that command's. */
  readonly invocation?: InvocationInfo;
}

/**
 * Where a processor sends what it produces. Besides the output, the runner gives the command's
 * other streams (already redirected): pass them to the pipelines the command runs inside it
 * (`runPipeline({ streams })`) so a function's inner errors come out of the function, go to its
 * `2>&1` and its -ErrorVariable. The stream methods never need awaiting: the runner keeps them in
 * order with the command's output.
 */
export interface ProcessorStreams extends PipelineStreams {
  /** Sends one object downstream. */
  output(value: unknown): Promise<void>;
  /** Marks the command as failed for `$?` (a native program's non-zero exit code). */
  reportFailure?(): void;
}
