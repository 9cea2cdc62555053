/**
 * The dpmsh executable: reads the command line, then runs a script, a command, standard input
 * or the interactive shell. The interactive path is imported only when it is used, so scripted
 * runs never load it.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDpmshShell } from '../compose.js';
import { HELP_TEXT, parseHostArguments, UsageError, type HostRequest } from '../cli/arguments.js';
import { StdioHost } from '../host/stdio-host.js';
import { runScripted } from '../run/scripted.js';
import { readStdin } from '../run/stdin.js';
import { VERSION } from '../version.js';

/** pwsh's exit code for a command line it cannot use. */
const EXIT_USAGE = 64;

async function main(argv: readonly string[]): Promise<number> {
  let request: HostRequest;
  try {
    request = parseHostArguments(argv, process.stdin.isTTY === true);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${HELP_TEXT}\n`);
    return EXIT_USAGE;
  }
  if (request.kind === 'help') {
    process.stdout.write(`${HELP_TEXT}\n`);
    return 0;
  }
  if (request.kind === 'version') {
    process.stdout.write(`dpmsh ${VERSION}\n`);
    return 0;
  }

  const { options } = request;
  const dpmshHome = process.env.DPMSH_HOME ? resolve(process.env.DPMSH_HOME) : join(homedir(), '.dpmsh');
  const location = options.workingDirectory ? resolve(options.workingDirectory) : process.cwd();
  const host = new StdioHost(process, { nonInteractive: options.nonInteractive });
  const shell = await createDpmshShell({ host, dpmshHome, location });

  // Ctrl+C stops the running pipeline; a second one while nothing handles it ends the process.
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  try {
    if (request.kind === 'interactive') {
      const { runInteractive } = await import('../interactive/run-interactive.js');
      return await runInteractive(shell, host, options);
    }
    const work =
      request.kind === 'file'
        ? { kind: 'file' as const, path: request.path, args: request.args }
        : { kind: 'command' as const, text: request.fromStdin ? await readStdin(process.stdin) : request.text };
    const code = await runScripted(shell, host, work, options, controller.signal);
    if (options.noExit) {
      const { runInteractive } = await import('../interactive/run-interactive.js');
      return await runInteractive(shell, host, options);
    }
    return code;
  } finally {
    await shell.dispose();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`dpmsh: internal error (a bug; please report it): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);

