import { describe, expect, it } from 'vitest';
import { runPipeline } from '../pipeline/run.js';
import type { ErrorRecord, PSObject } from '@dpmsh/runtime';
import { RecordingHost } from '../session/recording-host.js';
import { Session } from '../session/session.js';
import { installStandardCommands } from '../install.js';
import type { CommandArgument } from '../binder/types.js';

function setup(): Session {
  const session = new Session({ host: new RecordingHost(), environment: { PATH: '' } });
  hosts.set(session, session.host as RecordingHost);
  installStandardCommands(session);
  return session;
}

const hosts = new WeakMap<Session, RecordingHost>();
const named = (name: string, value: unknown): CommandArgument => ({ kind: 'parameter', name, value, hasValue: true });
const flag = (name: string): CommandArgument => ({ kind: 'parameter', name, hasValue: false });
const value = (v: unknown): CommandArgument => ({ kind: 'value', value: v });

async function run(session: Session, command: string, args: CommandArgument[], scope = session.globalScope): Promise<{ out: unknown[]; errors: ErrorRecord[] }> {
  const out: unknown[] = [];
  const host = hosts.get(session);
  const before = host?.errorRecords.length ?? 0;
  const info = session.registry.cmdlet(command);
  if (!info) throw new Error(`no ${command}`);
  await runPipeline({
    session,
    scope,
    elements: [{ command: info, args }],
    sink: (v) => void out.push(v),
    signal: new AbortController().signal,
  });
  return { out, errors: host?.errorRecords.slice(before) ?? [] };
}

describe('variable cmdlets', () => {
  it('creates, reads, protects and removes variables', async () => {
    const session = setup();
    await run(session, 'New-Variable', [value('limit'), value(10), named('Option', ['ReadOnly'])]);
    expect(session.globalScope.local('limit')?.value).toBe(10);
    const again = await run(session, 'New-Variable', [value('limit'), value(11)]);
    expect(again.errors[0]?.errorId).toBe('VariableAlreadyExists');
    const set = await run(session, 'Set-Variable', [value('limit'), value(12)]);
    expect(set.errors[0]?.message).toBe('Cannot overwrite variable limit because it is read-only or constant.');
    await run(session, 'Set-Variable', [value('limit'), value(13), flag('Force')]);
    const got = await run(session, 'Get-Variable', [value('limit'), flag('ValueOnly')]);
    expect(got.out).toEqual([13]);
    const removed = await run(session, 'Remove-Variable', [value('limit')]);
    expect(removed.errors[0]?.errorId).toBe('VariableNotRemovable');
    await run(session, 'Remove-Variable', [value('limit'), flag('Force')]);
    expect(session.globalScope.local('limit')).toBeUndefined();
    const missing = await run(session, 'Get-Variable', [value('limit')]);
    expect(missing.errors[0]?.message).toBe("Cannot find a variable with the name 'limit'.");
  });

  it('sets in the scope -Scope names', async () => {
    const session = setup();
    const inner = session.globalScope.child('function');
    await run(session, 'Set-Variable', [value('x'), value(1), named('Scope', 'Global')], inner);
    await run(session, 'Set-Variable', [value('y'), value(2)], inner);
    expect(session.globalScope.local('x')?.value).toBe(1);
    expect(session.globalScope.local('y')).toBeUndefined();
    expect(inner.local('y')?.value).toBe(2);
  });
});

describe('alias cmdlets', () => {
  it('lists built-in aliases and refuses to recreate one', async () => {
    const session = setup();
    const got = await run(session, 'Get-Alias', [value('gci')]);
    expect((got.out[0] as PSObject).read('DisplayName')).toBe('gci -> Get-ChildItem');
    const dup = await run(session, 'New-Alias', [value('gci'), value('Get-Item')]);
    expect(dup.errors[0]?.message).toBe("The alias is not allowed, because an alias with the name 'gci' already exists.");
    await run(session, 'Set-Alias', [value('say'), value('Write-Output'), named('Description', 'speaks')]);
    const say = await run(session, 'Get-Alias', [value('say')]);
    expect((say.out[0] as PSObject).read('Description')).toBe('speaks');
    expect(session.registry.resolve('say', session.globalScope)?.name).toBe('Write-Output');
  });
});
