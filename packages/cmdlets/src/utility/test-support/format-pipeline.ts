/** Runs pipelines of the Format-*, Out-* and *-Member cmdlets in a fresh session, for their tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPipeline } from '../../pipeline/run.js';
import type { CmdletDefinition } from '../../session/cmdlet.js';
import { PSObject, PSSwitch } from '@dpmsh/runtime';
import { RecordingHost } from '../../session/recording-host.js';
import { Session } from '../../session/session.js';
import { formatTableCmdlet } from '../format-table.js';
import { formatListCmdlet } from '../format-list.js';
import { formatWideCmdlet } from '../format-wide.js';
import { outStringCmdlet } from '../out-string.js';
import type { CommandArgument } from '../../binder/types.js';

/** The temporary directory the sessions start in. */
export const dir = mkdtempSync(join(tmpdir(), 'dpmsh-out-'));


/** A named argument with its value. */
export const named = (name: string, value: unknown): CommandArgument => ({ kind: 'parameter', name, value, hasValue: true });
/** A switch argument bound to $true. */
export const flag = (name: string): CommandArgument => ({ kind: 'parameter', name, value: new PSSwitch(true), hasValue: true });

/** Runs `input | cmd1 args | cmd2 args ...` in a fresh session and returns what reached the end. */
export async function run(input: readonly unknown[], ...steps: [CmdletDefinition<never>, ...CommandArgument[]][]): Promise<unknown[]> {
  const session = new Session({ host: new RecordingHost({ width: 120 }), location: dir, home: dir, environment: { PATH: '' } });
  const out: unknown[] = [];
  await runPipeline({
    session,
    scope: session.globalScope,
    elements: steps.map(([command, ...args]) => ({ command: session.registry.cmdlet(command.name) ?? session.registry.register(command, 'Tests'), args })),
    input,
    sink: (v) => void out.push(v),
    signal: new AbortController().signal,
  });
  return out;
}

/** Format-Table. */
export const table = formatTableCmdlet as CmdletDefinition<never>;
/** Format-List. */
export const list = formatListCmdlet as CmdletDefinition<never>;
/** Format-Wide. */
export const wide = formatWideCmdlet as CmdletDefinition<never>;
/** Out-String. */
export const outString = outStringCmdlet as CmdletDefinition<never>;
/** Two objects of different widths. */
export const vaults = (): PSObject[] => [PSObject.from({ Name: 'vault1', Size: 10 }), PSObject.from({ Name: 'b', Size: 2000 })];

/** Removes the temporary directory; each test file calls it after all its tests. */
export function removeDir(): void {
  rmSync(dir, { recursive: true, force: true });
}
