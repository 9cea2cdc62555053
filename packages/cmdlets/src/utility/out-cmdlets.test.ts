import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../pipeline/run.js';
import type { CmdletDefinition } from '../session/cmdlet.js';
import { PSObject, PSSwitch } from '@dpmsh/runtime';
import { RecordingHost } from '../session/recording-host.js';
import { Session } from '../session/session.js';
import { formatListCmdlet, formatTableCmdlet, formatWideCmdlet } from './format-cmdlets.js';
import { addMemberCmdlet, getMemberCmdlet } from './member-cmdlets.js';
import { outFileCmdlet, outStringCmdlet } from './out-cmdlets.js';
import type { CommandArgument } from '../binder/types.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dpmsh-out-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const named = (name: string, value: unknown): CommandArgument => ({ kind: 'parameter', name, value, hasValue: true });
const flag = (name: string): CommandArgument => ({ kind: 'parameter', name, value: new PSSwitch(true), hasValue: true });

/** Runs `input | cmd1 args | cmd2 args ...` in a fresh session and returns what reached the end. */
async function run(input: readonly unknown[], ...steps: [CmdletDefinition<never>, ...CommandArgument[]][]): Promise<unknown[]> {
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

const table = formatTableCmdlet as CmdletDefinition<never>;
const list = formatListCmdlet as CmdletDefinition<never>;
const wide = formatWideCmdlet as CmdletDefinition<never>;
const outString = outStringCmdlet as CmdletDefinition<never>;
const vaults = (): PSObject[] => [PSObject.from({ Name: 'vault1', Size: 10 }), PSObject.from({ Name: 'b', Size: 2000 })];

describe('Format-* | Out-String', () => {
  it('lays a table out with numbers right-aligned', async () => {
    expect(await run(vaults(), [table], [outString])).toEqual(['\nName   Size\n----   ----\nvault1   10\nb      2000\n\n']);
  });

  it('takes -Property and -HideTableHeaders', async () => {
    expect(await run(vaults(), [table, named('Property', ['Size']), flag('HideTableHeaders')], [outString])).toEqual(['\n  10\n2000\n\n']);
  });

  it('writes a list with aligned colons', async () => {
    expect(await run([PSObject.from({ Name: 'v', Location: 'westus' })], [list], [outString])).toEqual(['\nName     : v\nLocation : westus\n\n']);
  });

  it('writes wide columns at -Width', async () => {
    expect(await run(vaults(), [wide], [outString, named('Width', 20)])).toEqual([`\n${'vault1'.padEnd(10)} b\n\n`]);
  });

  it('streams lines with -Stream and joins them with -NoNewline', async () => {
    expect(await run(['a', 'b'], [outString, flag('Stream')])).toEqual(['a', 'b']);
    expect(await run(['a', 'b'], [outString, flag('NoNewline')])).toEqual(['ab']);
  });
});

describe('Out-File', () => {
  it('writes the formatted text, appends, and encodes', async () => {
    const path = join(dir, 'out.txt');
    await run(vaults(), [outFileCmdlet as CmdletDefinition<never>, named('FilePath', path)]);
    expect(readFileSync(path, 'utf8')).toBe('\nName   Size\n----   ----\nvault1   10\nb      2000\n\n');
    await run(['more'], [outFileCmdlet as CmdletDefinition<never>, named('FilePath', path), flag('Append')]);
    expect(readFileSync(path, 'utf8').endsWith('\n\nmore\n')).toBe(true);
    await run(['hi'], [outFileCmdlet as CmdletDefinition<never>, named('FilePath', path), named('Encoding', 'utf8BOM')]);
    expect([...readFileSync(path)]).toEqual([0xef, 0xbb, 0xbf, 0x68, 0x69, 0x0a]);
  });
});

describe('Add-Member and Get-Member', () => {
  it('adds note and alias properties and lists them with their definitions', async () => {
    const obj = PSObject.from({ Name: 'v' });
    await run([obj], [addMemberCmdlet as CmdletDefinition<never>, named('NotePropertyName', 'Size'), named('NotePropertyValue', 3)]);
    await run([obj], [addMemberCmdlet as CmdletDefinition<never>, named('MemberType', 'AliasProperty'), named('Name', 'VaultName'), named('Value', 'Name')]);
    expect(obj.read('VaultName')).toBe('v');
    const members = (await run([obj], [getMemberCmdlet as CmdletDefinition<never>, named('MemberType', 'Properties')])) as PSObject[];
    expect(members.map((m) => `${String(m.read('Name'))}|${String(m.read('MemberType'))}|${String(m.read('Definition'))}`)).toEqual([
      'VaultName|AliasProperty|VaultName = Name',
      'Name|NoteProperty|string Name=v',
      'Size|NoteProperty|int Size=3',
    ]);
  });
});
