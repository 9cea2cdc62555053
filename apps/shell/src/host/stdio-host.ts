/**
 * The host of scripted runs: formatted output and host messages on stdout, errors on stderr,
 * colours only when the stream is a terminal (as pwsh's OutputRendering=Host), prompts on the
 * terminal unless -NonInteractive.
 */
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import type { Host, HostChoice, HostStream, ParameterMetadata } from '@dpmsh/cmdlets';
import type { ErrorRecord, ProgressRecord } from '@dpmsh/runtime';
import { formatErrorRecord } from '@dpmsh/cmdlets';
import { errorRecord, terminate } from '@dpmsh/runtime';

const ANSI: Record<string, string> = {
  Black: '30', DarkBlue: '34', DarkGreen: '32', DarkCyan: '36', DarkRed: '31', DarkMagenta: '35', DarkYellow: '33', Gray: '37',
  DarkGray: '90', Blue: '94', Green: '92', Cyan: '96', Red: '91', Magenta: '95', Yellow: '93', White: '97',
};

const STREAM_COLOUR: Partial<Record<HostStream, string>> = { error: 'Red', warning: 'Yellow', verbose: 'Yellow', debug: 'Yellow' };

/** What readline's keypress events say of a key. */
interface KeypressKey {
  readonly name?: string;
  readonly sequence?: string;
  readonly ctrl?: boolean;
  readonly meta?: boolean;
}

/** An output that swallows what readline would echo, for secure prompts. */
function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}

/** Where a stdio host writes and reads. */
export interface StdioStreams {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** Where Write-Progress is drawn at the interactive prompt (see interactive/progress-bars.ts). */
export interface ProgressView {
  update(record: ProgressRecord): void;
  /** Erases what is drawn before other output. */
  hide(): void;
  /** Other output was written; draw again below it. */
  written(text: string): void;
  /** The command ended: erase and forget. */
  clear(): void;
}

/** A host over standard streams. */
export class StdioHost implements Host {
  readonly name = 'dpmsh';
  readonly interactive: boolean;
  readonly #io: StdioStreams;
  #progress: ProgressView | undefined;

  constructor(io: StdioStreams, options: { nonInteractive: boolean }) {
    this.#io = io;
    this.interactive = !options.nonInteractive && io.stdin.isTTY === true;
  }

  /** True when progress bars can be drawn: an interactive host whose stdout is a terminal. */
  get canShowProgress(): boolean {
    return this.interactive && this.#io.stdout.isTTY === true;
  }

  /** Where progress goes from now on; without a view (scripted runs) progress prints nothing. */
  setProgressView(view: ProgressView | undefined): void {
    this.#progress?.clear();
    this.#progress = view;
  }

  /** Erases the progress bars of the command that just ended. */
  endCommand(): void {
    this.#progress?.clear();
  }

  get width(): number {
    return this.#io.stdout.isTTY && this.#io.stdout.columns ? this.#io.stdout.columns : 120;
  }

  write(text: string, options: { stream?: HostStream; foregroundColor?: string; newline?: boolean } = {}): void {
    const stream = options.stream ?? 'output';
    const target = stream === 'error' ? this.#io.stderr : this.#io.stdout;
    // The pipeline's host targets already put the `WARNING: ` / `VERBOSE: ` / `DEBUG: ` prefix on the text.
    const line = text + (options.newline === false ? '' : '\n');
    const colour = options.foregroundColor ?? STREAM_COLOUR[stream];
    const code = colour && target.isTTY ? ANSI[colour] : undefined;
    this.#progress?.hide();
    target.write(code ? `\x1b[${code}m${line}\x1b[0m` : line);
    this.#progress?.written(line);
  }

  writeErrorRecord(record: ErrorRecord): void {
    this.write(formatErrorRecord(record, { view: 'ConciseView', width: this.width }), { stream: 'error' });
  }

  async readLine(prompt: string, options: { secure?: boolean; signal?: AbortSignal } = {}): Promise<string> {
    this.#assertInteractive(prompt);
    this.#progress?.hide();
    const stdin = this.#io.stdin;
    // The interactive shell's editor lets go of stdin between entries: a prompt must hold the
    // process open while it waits.
    (stdin as { ref?: () => void }).ref?.();
    const secure = options.secure === true;
    const rl = createInterface({ input: stdin, output: secure ? discard() : this.#io.stdout, terminal: true });
    const mask = secure ? this.#maskEcho() : undefined;
    if (mask) {
      this.#io.stdout.write(prompt);
      stdin.on('keypress', mask);
    }
    try {
      return await rl.question(secure ? '' : prompt, { signal: options.signal });
    } finally {
      rl.close();
      if (mask) {
        stdin.off('keypress', mask);
        this.#io.stdout.write('\n');
      }
      // readline pauses stdin as it closes; whoever reads next (the editor) needs it flowing.
      stdin.resume();
      this.#progress?.written('\n');
    }
  }

  /** Echoes a '*' per character typed at a secure prompt, and takes one back per Backspace. */
  #maskEcho(): (text: string | undefined, key: KeypressKey | undefined) => void {
    let typed = 0;
    return (_text, key) => {
      if (!key || key.ctrl || key.meta || key.name === 'return' || key.name === 'enter') return;
      if (key.name === 'backspace') {
        if (typed > 0) {
          typed--;
          this.#io.stdout.write('\b \b');
        }
        return;
      }
      if (key.sequence && key.sequence.length === 1 && key.sequence >= ' ') {
        typed++;
        this.#io.stdout.write('*');
      }
    };
  }

  async promptForChoice(caption: string, message: string, choices: readonly HostChoice[], defaultChoice: number): Promise<number> {
    this.#assertInteractive(message);
    const hotkeys = choices.map((c) => {
      const amp = c.label.indexOf('&');
      return amp >= 0 ? c.label[amp + 1].toUpperCase() : c.label[0].toUpperCase();
    });
    const labels = choices.map((c, i) => `[${hotkeys[i]}] ${c.label.replace('&', '')}`).join('  ');
    this.write(caption);
    this.write(message);
    for (;;) {
      const answer = (await this.readLine(`${labels}  [?] Help (default is "${hotkeys[defaultChoice]}"): `)).trim().toUpperCase();
      if (answer === '') return defaultChoice;
      if (answer === '?') {
        choices.forEach((c, i) => this.write(`${hotkeys[i]} - ${c.helpMessage ?? c.label.replace('&', '')}`));
        continue;
      }
      const index = hotkeys.indexOf(answer);
      if (index >= 0) return index;
    }
  }

  async promptForParameters(commandName: string, parameters: readonly ParameterMetadata[]): Promise<Record<string, unknown>> {
    this.#assertInteractive(commandName);
    this.write(`cmdlet ${commandName} at command pipeline position 1`);
    this.write('Supply values for the following parameters:');
    const values: Record<string, unknown> = {};
    for (const parameter of parameters) {
      const secure = parameter.type.toLowerCase() === 'securestring';
      values[parameter.name] = await this.readLine(`${parameter.name}: `, { secure });
    }
    return values;
  }

  progress(record: ProgressRecord): void {
    // Scripted runs print nothing for progress; the interactive shell sets a view that draws bars.
    this.#progress?.update(record);
  }

  clear(): void {
    this.#progress?.hide();
    if (this.#io.stdout.isTTY) this.#io.stdout.write('\x1b[2J\x1b[3J\x1b[H');
  }

  #assertInteractive(what: string): void {
    if (!this.interactive) {
      terminate(
        errorRecord(
          'dpmsh is in NonInteractive mode. Read and Prompt functionality is not available.',
          'HostFunctionNotImplemented',
          'ResourceUnavailable',
          { typeName: 'System.Management.Automation.Host.HostException', targetObject: what.trim() },
        ),
      );
    }
  }
}
