/**
 * Runs a script through a real shell and session, with the output formatted by Out-Default as
 * dpmsh prints it, for the interpreter's tests.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordingHost, createOutDefault } from '@dpmsh/cmdlets';
import { createShell } from '../shell.js';

/** What a script printed, and how its run ended. */
export interface ScriptResult {
  /** The output, formatted as the console shows it, without trailing spaces or blank lines. */
  readonly output: string;
  /** The error records the host was asked to show, by message. */
  readonly errors: readonly string[];
  readonly exitCode: number;
}

/** Runs script text as `-Command` does, in the global scope of a fresh session. */
export async function runScript(text: string): Promise<ScriptResult> {
  const host = new RecordingHost({ width: 120 });
  const shell = await createShell({ host, dpmshHome: mkdtempSync(join(tmpdir(), 'dpmsh-interpreter-')), environment: {} });
  const formatter = createOutDefault({ host, width: 120, session: shell.session });
  try {
    const outcome = await shell.run(text, { output: (value) => formatter.write(value), dotSource: true });
    await formatter.flush();
    const output = host.events
      .filter((e) => e.stream === 'output')
      .map((e) => (e.newline ? `${e.text}\n` : e.text))
      .join('')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .replace(/^\n+|\n+$/g, '');
    return { output, errors: host.errorRecords.map((r) => r.message), exitCode: outcome.exitCode };
  } finally {
    await shell.dispose();
  }
}
