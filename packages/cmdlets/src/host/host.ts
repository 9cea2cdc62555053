/**
 * The host: what the shell around the engine provides. The scripted runner writes to stdout and
 * stderr; the interactive shell draws with Ink. Commands only ever talk to this interface.
 */
import type { ErrorRecord, ProgressRecord } from '@dpmsh/runtime';
import type { ParameterMetadata } from '../metadata/command.js';

/** The streams a host shows. */
export type HostStream = 'output' | 'error' | 'warning' | 'verbose' | 'debug' | 'information' | 'host';

/** A choice of a prompt such as -Confirm's "[Y] Yes". */
export interface HostChoice {
  readonly label: string;
  readonly helpMessage?: string;
}

/** What the engine needs from whatever is showing it. */
export interface Host {
  readonly name: string;
  /** False under -NonInteractive and in scripted runs: prompts then fail instead of waiting. */
  readonly interactive: boolean;
  /** Width of the screen in characters, for formatting. */
  readonly width: number;
  /** Writes text (formatted output, Write-Host, stream messages); `newline` defaults to true. */
  write(text: string, options?: { stream?: HostStream; foregroundColor?: string; backgroundColor?: string; newline?: boolean }): void;
  /** Shows an error record in the current error view. */
  writeErrorRecord(record: ErrorRecord): void;
  /** Reads a line; `secure` masks the input. */
  readLine(prompt: string, options?: { secure?: boolean; signal?: AbortSignal }): Promise<string>;
  /** PowerShell's choice prompt; returns the chosen index. */
  promptForChoice(caption: string, message: string, choices: readonly HostChoice[], defaultChoice: number): Promise<number>;
  /** "Supply values for the following parameters:" for missing mandatory parameters. */
  promptForParameters(commandName: string, parameters: readonly ParameterMetadata[]): Promise<Record<string, unknown>>;
  progress(record: ProgressRecord): void;
  clear(): void;
}
