/**
 * A host that records what it is asked to show and answers prompts from a script: for tests of
 * the pipeline, the cmdlets and the language, where a real terminal would only get in the way.
 */
import type { ErrorRecord, ProgressRecord } from '@dpmsh/runtime';
import type { ParameterMetadata } from '../metadata/command.js';
import type { Host, HostChoice, HostStream } from '../host/host.js';
import { formatErrorRecord } from '../formatting/error-view.js';
import type { ErrorView } from '../formatting/error-view.js';

/** One thing the host showed. */
export interface HostEvent {
  readonly stream: HostStream;
  readonly text: string;
  readonly newline: boolean;
  readonly foregroundColor?: string;
  readonly backgroundColor?: string;
}

/** One choice prompt the host was asked. */
export interface ChoicePrompt {
  readonly caption: string;
  readonly message: string;
  /** The choices as PowerShell draws them: `[Y] Yes`. */
  readonly choices: readonly string[];
  readonly defaultChoice: number;
}

/** How a recording host behaves. */
export interface RecordingHostOptions {
  readonly interactive?: boolean;
  readonly width?: number;
  /** The view `writeErrorRecord` renders errors in, for `text`. */
  readonly errorView?: ErrorView;
  /** Answers to choice prompts, by hot key (`'A'`) or index, in order. */
  readonly choices?: readonly (string | number)[];
  /** Answers to mandatory-parameter prompts, in order. */
  readonly parameters?: readonly Record<string, unknown>[];
  /** Lines for readLine, in order. */
  readonly lines?: readonly string[];
}

/** `&Yes` → `[Y] Yes`. */
export function choiceText(choice: HostChoice): string {
  const amp = choice.label.indexOf('&');
  const key = amp >= 0 ? choice.label[amp + 1].toUpperCase() : choice.label[0].toUpperCase();
  return `[${key}] ${choice.label.replace('&', '')}`;
}

/** A host for tests. */
export class RecordingHost implements Host {
  readonly name = 'RecordingHost';
  readonly interactive: boolean;
  readonly width: number;
  readonly events: HostEvent[] = [];
  readonly errorRecords: ErrorRecord[] = [];
  readonly progressRecords: ProgressRecord[] = [];
  readonly prompts: ChoicePrompt[] = [];
  readonly parameterPrompts: { readonly command: string; readonly parameters: readonly string[] }[] = [];
  readonly #options: RecordingHostOptions;
  readonly #choices: (string | number)[];
  readonly #parameters: Record<string, unknown>[];
  readonly #lines: string[];

  constructor(options: RecordingHostOptions = {}) {
    this.#options = options;
    this.interactive = options.interactive ?? false;
    this.width = options.width ?? 120;
    this.#choices = [...(options.choices ?? [])];
    this.#parameters = [...(options.parameters ?? [])];
    this.#lines = [...(options.lines ?? [])];
  }

  /** Everything shown, one line per write (a write without newline joins the next). */
  get text(): string {
    return this.events.map((e) => (e.newline ? `${e.text}\n` : e.text)).join('');
  }

  /** The texts written to one stream. */
  written(stream: HostStream): string[] {
    return this.events.filter((e) => e.stream === stream).map((e) => e.text);
  }

  write(text: string, options: { stream?: HostStream; foregroundColor?: string; backgroundColor?: string; newline?: boolean } = {}): void {
    this.events.push({
      stream: options.stream ?? 'output',
      text,
      newline: options.newline ?? true,
      foregroundColor: options.foregroundColor,
      backgroundColor: options.backgroundColor,
    });
  }

  writeErrorRecord(record: ErrorRecord): void {
    this.errorRecords.push(record);
    this.events.push({ stream: 'error', text: formatErrorRecord(record, { view: this.#options.errorView, width: this.width }), newline: true });
  }

  async readLine(): Promise<string> {
    const line = this.#lines.shift();
    if (line === undefined) throw new Error('RecordingHost: no scripted line left to read');
    return line;
  }

  async promptForChoice(caption: string, message: string, choices: readonly HostChoice[], defaultChoice: number): Promise<number> {
    const texts = choices.map(choiceText);
    this.prompts.push({ caption, message, choices: texts, defaultChoice });
    const answer = this.#choices.shift();
    if (answer === undefined) throw new Error(`RecordingHost: no scripted answer for the prompt "${message}"`);
    if (typeof answer === 'number') return answer;
    const index = texts.findIndex((t) => t.startsWith(`[${answer.toUpperCase()}]`));
    if (index < 0) throw new Error(`RecordingHost: no choice [${answer}] among ${texts.join(' ')}`);
    return index;
  }

  async promptForParameters(commandName: string, parameters: readonly ParameterMetadata[]): Promise<Record<string, unknown>> {
    this.parameterPrompts.push({ command: commandName, parameters: parameters.map((p) => p.name) });
    const answer = this.#parameters.shift();
    if (answer === undefined) throw new Error(`RecordingHost: no scripted answer for the parameters of ${commandName}`);
    return answer;
  }

  progress(record: ProgressRecord): void {
    this.progressRecords.push(record);
  }

  clear(): void {
    this.events.length = 0;
  }
}
