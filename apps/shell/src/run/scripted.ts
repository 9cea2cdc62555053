/**
 * Scripted runs: -Command, -File and standard input. Output objects are formatted as they
 * arrive (or collected for -OutputFormat Json), errors go to stderr, and the exit code is pwsh's.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createOutDefault, toJson } from '@dpmsh/cmdlets';
import type { RunOutcome, Shell } from '@dpmsh/language';
import type { HostOptions } from '../cli/arguments.js';
import type { StdioHost } from '../host/stdio-host.js';

/** What a scripted run executes. */
export type ScriptedWork =
  | { readonly kind: 'command'; readonly text: string }
  | { readonly kind: 'file'; readonly path: string; readonly args: readonly string[] };

/** Runs the profile (unless -NoProfile), then the work; returns the process exit code. */
export async function runScripted(shell: Shell, host: StdioHost, work: ScriptedWork, options: HostOptions, signal: AbortSignal): Promise<number> {
  const json = options.outputFormat === 'Json';
  const collected: unknown[] = [];
  const formatter = createOutDefault({ host, width: host.width, session: shell.session });
  const output = json ? (value: unknown) => void collected.push(value) : (value: unknown) => formatter.write(value);

  if (!options.noProfile) {
    const profile = resolve(shell.session.dpmshHome, 'profile.ps1');
    if (existsSync(profile)) await shell.runFile(profile, { output, signal, dotSource: true });
  }

  let outcome: RunOutcome;
  if (work.kind === 'command') {
    outcome = await shell.run(work.text, { output, signal, dotSource: true });
  } else {
    outcome = await shell.runFile(resolve(shell.session.location, work.path), { output, signal, args: work.args });
  }
  await formatter.flush();
  if (json) process.stdout.write(toJson(collected.length === 1 ? collected[0] : collected, { depth: 4, compress: false }) + '\n');
  return exitCode(work, outcome);
}

/**
 * pwsh's exit codes: `exit N` gives N; a script that failed with an uncaught terminating error or
 * did not parse gives 1; -Command otherwise reports the last statement's success as 0 or 1.
 */
function exitCode(work: ScriptedWork, outcome: RunOutcome): number {
  if (outcome.status !== 'completed') return outcome.exitCode;
  if (work.kind === 'command') return outcome.lastSucceeded ? 0 : 1;
  return 0;
}
