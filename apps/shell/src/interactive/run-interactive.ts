/**
 * The interactive shell: a prompt, multi-line input while the parser says the input is
 * incomplete, each entry run as its own pipeline with its output formatted as it arrives.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createOutDefault } from '@dpmsh/cmdlets';
import type { Shell } from '@dpmsh/language';
import type { HostOptions } from '../cli/arguments.js';
import type { StdioHost } from '../host/stdio-host.js';

/** Runs the read-eval-print loop until `exit` or end of input; returns the exit code. */
export async function runInteractive(shell: Shell, host: StdioHost, options: HostOptions): Promise<number> {
  const session = shell.session;
  const print = async (text: string, signal: AbortSignal): Promise<void> => {
    const formatter = createOutDefault({ host, width: host.width, session });
    const outcome = await shell.run(text, { output: (v) => formatter.write(v), signal, dotSource: true });
    await formatter.flush();
    if (outcome.status === 'exited') throw new ExitRequest(outcome.exitCode);
  };

  if (!options.noProfile) {
    const profile = resolve(session.dpmshHome, 'profile.ps1');
    if (existsSync(profile)) await shell.runFile(profile, { output: () => undefined, dotSource: true });
  }

  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  let running: AbortController | undefined;
  rl.on('SIGINT', () => {
    if (running) running.abort();
    else {
      rl.write(null, { ctrl: true, name: 'u' });
      process.stdout.write('\n');
      rl.prompt();
    }
  });
  const prompt = async (): Promise<string> => {
    const outputs: unknown[] = [];
    const defined = session.registry.resolve('prompt', session.globalScope);
    if (defined?.kind === 'Function') {
      await shell.run('prompt', { output: (v) => void outputs.push(v), dotSource: true });
      return outputs.map(String).join('');
    }
    return `PS ${session.location}> `;
  };

  let buffer = '';
  try {
    rl.setPrompt(await prompt());
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
        running = new AbortController();
        try {
          await print(text, running.signal);
        } finally {
          running = undefined;
        }
      }
      rl.setPrompt(await prompt());
      rl.prompt();
    }
    return 0;
  } catch (error) {
    if (error instanceof ExitRequest) return error.code;
    throw error;
  } finally {
    rl.close();
  }
}

class ExitRequest extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
