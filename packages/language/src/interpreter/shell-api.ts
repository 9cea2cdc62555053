/**
 * What a host (the dpmsh command line, the interactive shell, tests) uses to run PowerShell:
 * a shell over one session, which runs script text and script files.
 */
import type { Host, Session } from '@dpmsh/cmdlets';

/** How a shell starts. */
export interface ShellOptions {
  readonly host: Host;
  /** Where dpmsh keeps its state ($DPMSH_HOME). */
  readonly dpmshHome: string;
  readonly location?: string;
  readonly environment?: NodeJS.ProcessEnv;
  /** Domain modules the host installs on the new session, after the standard cmdlets (the DPM module). */
  readonly modules?: readonly ((session: Session) => void)[];
}

/** How one piece of script runs. */
export interface RunOptions {
  /** Receives each object the script outputs, as it is produced. */
  readonly output: (value: unknown) => Promise<void> | void;
  /** The script's path, for $PSScriptRoot, $PSCommandPath and error positions. */
  readonly file?: string;
  /** Command-line arguments for a script file's param() block (by name and position). */
  readonly args?: readonly string[];
  /** Aborts the running pipeline (Ctrl+C). */
  readonly signal?: AbortSignal;
  /** Runs in the global scope (interactive input, -Command, profiles) rather than a script scope. */
  readonly dotSource?: boolean;
}

/** How a run ended. */
export interface RunOutcome {
  /**
   * completed: ran to the end; exited: `exit N`; failed: an uncaught terminating error; parse-error:
   * nothing ran; stopped: Ctrl+C (the run's signal) stopped it.
   */
  readonly status: 'completed' | 'exited' | 'failed' | 'parse-error' | 'stopped';
  /** `exit N`'s N, else 1 for failed/parse-error/stopped, else 0. */
  readonly exitCode: number;
  /** $? after the last statement. */
  readonly lastSucceeded: boolean;
}

/** A PowerShell session that runs script text. */
export interface Shell {
  readonly session: Session;
  run(text: string, options: RunOptions): Promise<RunOutcome>;
  /** Reads and runs a script file; errors reading it are reported like pwsh's. */
  runFile(path: string, options: RunOptions): Promise<RunOutcome>;
  /** True when the text is an unfinished statement (an open brace, quote or here-string). */
  isIncomplete(text: string): boolean;
  /** Closes what the session opened (databases, vault connections). */
  dispose(): Promise<void>;
}
