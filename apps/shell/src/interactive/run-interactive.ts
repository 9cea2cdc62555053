/**
 * The interactive shell: the prompt, the line editor (Ink, loaded only here), each entry run as
 * its own pipeline with its output formatted below the line as it arrives, history saved in
 * `$DPMSH_HOME/history`. Ctrl+C while a command runs stops it. Without a terminal that can go
 * into raw mode, a plain readline loop reads the lines instead.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createOutDefault } from '@dpmsh/cmdlets';
import type { Shell } from '@dpmsh/language';
import type { HostOptions } from '../cli/arguments.js';
import type { StdioHost } from '../host/stdio-host.js';
import { complete } from './completion.js';
import type { EditorServices } from './editor-state.js';
import { History } from './history.js';
import { ProgressBars } from './progress-bars.js';

/** Runs the read-eval-print loop until `exit`, Ctrl+D or end of input; returns the exit code. */
export async function runInteractive(shell: Shell, host: StdioHost, options: HostOptions): Promise<number> {
  const session = shell.session;
  if (!options.noProfile) {
    const profile = resolve(session.dpmshHome, 'profile.ps1');
    if (existsSync(profile)) await shell.runFile(profile, { output: () => undefined, dotSource: true });
  }
  const repl = new Evaluator(shell, host);
  if (host.canShowProgress) host.setProgressView(new ProgressBars(process.stdout));
  process.on('SIGINT', repl.interrupt);
  try {
    const rawMode = process.stdin.isTTY === true && typeof process.stdin.setRawMode === 'function';
    return rawMode ? await editorLoop(shell, repl) : await readlineLoop(shell, repl);
  } finally {
    process.off('SIGINT', repl.interrupt);
    host.setProgressView(undefined);
  }
}

async function editorLoop(shell: Shell, repl: Evaluator): Promise<number> {
  const { readEditorLine } = await import('./prompt-editor.js');
  const history = new History(join(shell.session.dpmshHome, 'history'));
  const services: EditorServices = {
    isIncomplete: (text) => shell.isIncomplete(text),
    complete: (text, cursor) => complete(shell.session, text, cursor),
    history,
  };
  for (;;) {
    const outcome = await readEditorLine(await promptText(shell), services);
    if (outcome.kind === 'exit') return 0;
    if (outcome.kind === 'cancel' || outcome.text.trim() === '') continue;
    history.add(outcome.text);
    const code = await repl.evaluate(outcome.text);
    if (code !== undefined) return code;
  }
}

/** The fallback without raw mode: lines from readline, `>> ` while the input is incomplete. */
async function readlineLoop(shell: Shell, repl: Evaluator): Promise<number> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdout.isTTY === true });
  let buffer = '';
  try {
    rl.setPrompt(await promptText(shell));
    rl.prompt();
    for await (const line of rl) {
      buffer = buffer ? `${buffer}\n${line}` : line;
      if (shell.isIncomplete(buffer)) {
        rl.setPrompt('>> ');
        rl.prompt();
        continue;
      }
      const text = buffer;
      buffer = '';
      if (text.trim()) {
        const code = await repl.evaluate(text);
        if (code !== undefined) return code;
      }
      rl.setPrompt(await promptText(shell));
      rl.prompt();
    }
    return 0;
  } finally {
    rl.close();
  }
}

/** PowerShell's prompt: the user's `prompt` function's output, else `PS <location>> `. */
async function promptText(shell: Shell): Promise<string> {
  const session = shell.session;
  const defined = session.registry.resolve('prompt', session.globalScope);
  if (defined?.kind === 'Function') {
    const outputs: unknown[] = [];
    try {
      await shell.run('prompt', { output: (v) => void outputs.push(v), dotSource: true });
    } catch {
      // pwsh falls back to "PS>" when the prompt function fails.
      return 'PS>';
    }
    return outputs.map(String).join('');
  }
  return `PS ${session.location}> `;
}

/** Runs entries one at a time; SIGINT (Ctrl+C in cooked mode) stops the running one. */
class Evaluator {
  #running: AbortController | undefined;

  constructor(
    readonly shell: Shell,
    readonly host: StdioHost,
  ) {}

  /** The SIGINT handler: stops the running pipeline; between commands the editor handles Ctrl+C itself. */
  readonly interrupt = (): void => {
    this.#running?.abort();
  };

  /** Runs one entry, its output formatted as it comes; returns the exit code when it ran `exit`. */
  async evaluate(text: string): Promise<number | undefined> {
    const controller = new AbortController();
    this.#running = controller;
    const formatter = createOutDefault({ host: this.host, width: this.host.width, session: this.shell.session });
    try {
      const outcome = await this.shell.run(text, { output: (v) => formatter.write(v), signal: controller.signal, dotSource: true });
      await formatter.flush();
      return outcome.status === 'exited' ? outcome.exitCode : undefined;
    } catch (error) {
      if (!controller.signal.aborted) throw error;
      // Stopped by Ctrl+C: the terminal echoed ^C; the next prompt starts on a line of its own.
      this.host.endCommand();
      process.stdout.write('\n');
      return undefined;
    } finally {
      this.host.endCommand();
      this.#running = undefined;
    }
  }
}
