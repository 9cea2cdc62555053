/** Runs the object cmdlets (Select-Object, Sort-Object, ...) in a real session, for their tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outString } from '../../formatting/text-output.js';
import type { CmdletDefinition } from '../../session/cmdlet.js';
import { runPipeline } from '../../pipeline/run.js';
import { RecordingHost } from '../../session/recording-host.js';
import { Session } from '../../session/session.js';
import { PSHashtable, PSObject } from '@dpmsh/runtime';
import type { ScriptBlock } from '@dpmsh/runtime';
import { compareObject } from '../compare-object.js';
import { getUnique } from '../get-unique.js';
import { groupObject } from '../group-object.js';
import { measureObject } from '../measure-object.js';
import { registerObjectViews } from '../object-views.js';
import { selectObject } from '../select-object.js';
import { sortObject } from '../sort-object.js';
import { teeObject } from '../tee-object.js';
import type { CommandArgument } from '../../binder/types.js';

/** The temporary directory the sessions start in. */
export const dir = mkdtempSync(join(tmpdir(), 'dpmsh-objects-'));

/** The object cmdlets the test sessions register. */
export const CMDLETS = [selectObject, sortObject, groupObject, measureObject, teeObject, compareObject, getUnique] as unknown as CmdletDefinition<never>[];

/** A session with the object cmdlets and their views, in the temporary directory. */
export function newSession(): Session {
  const session = new Session({ host: new RecordingHost({ width: 120 }), location: dir, home: dir, environment: { PATH: '' } });
  session.registry.registerAll(CMDLETS, 'Microsoft.PowerShell.Utility');
  registerObjectViews(session.formats);
  return session;
}

/** A positional argument. */
export const arg = (value: unknown): CommandArgument => ({ kind: 'value', value });
/** A named argument with its value. */
export const named = (name: string, value: unknown): CommandArgument => ({ kind: 'parameter', name, value, hasValue: true });
/** A switch argument. */
export const flag = (name: string): CommandArgument => ({ kind: 'parameter', name, hasValue: false });
/** A custom object of the given properties. */
export const obj = (data: Record<string, unknown>): PSObject => PSObject.from(data);
/** A script block that runs `fn` with $_. */
export const block = (text: string, fn: (dollarUnder: unknown) => unknown): ScriptBlock => ({
  isScriptBlock: true,
  text,
  invoke: (options) => Promise.resolve([fn(options?.dollarUnder)]),
});
/** A hashtable of the given entries. */
export const hashtable = (entries: Record<string, unknown>): PSHashtable => {
  const h = new PSHashtable();
  for (const [k, v] of Object.entries(entries)) h.set(k, v);
  return h;
};

/** Runs `input | Name args...` in a real session; the output objects and the error messages. */
export async function run(name: string, args: CommandArgument[], input?: Iterable<unknown>, session = newSession()): Promise<{ out: unknown[]; errors: string[] }> {
  const out: unknown[] = [];
  const command = session.registry.cmdlet(name);
  if (!command) throw new Error(`no ${name}`);
  const host = session.host as RecordingHost;
  await runPipeline({
    session,
    scope: session.globalScope,
    elements: [{ command, args }],
    input: input === undefined ? undefined : [...input],
    sink: (v) => void out.push(v),
    signal: new AbortController().signal,
  });
  return { out, errors: host.errorRecords.map((e) => e.message) };
}

/** The text Out-Default would print for the values, trailing spaces trimmed. */
export const text = async (values: unknown[]): Promise<string> => (await outString(values, { hostWidth: 120, tables: newSession() })).replace(/ +$/gm, '');
/** The properties of a custom object, by name. */
export const props = (o: unknown): Record<string, unknown> => Object.fromEntries((o as PSObject).properties.map((p) => [p.name, p.value]));

/** Removes the temporary directory; each test file calls it after all its tests. */
export function removeDir(): void {
  rmSync(dir, { recursive: true, force: true });
}
