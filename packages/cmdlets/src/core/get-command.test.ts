import { describe, expect, it } from 'vitest';
import type { PSObject } from '@dpmsh/runtime';
import { run, session } from './test-support/session.js';

describe('Get-Command', () => {
  it('finds cmdlets by name, verb and noun, with module and version', async () => {
    const s = session();
    const [info] = (await run(s, 'Get-Command', [{ kind: 'value', value: ['Write-Warning'] }])) as PSObject[];
    expect([info.read('Name'), String(info.read('CommandType')), info.read('Source'), String(info.read('Version'))]).toEqual(['Write-Warning', 'Cmdlet', 'Microsoft.PowerShell.Utility', '7.0.0.0']);
    const byVerb = (await run(s, 'Get-Command', [{ kind: 'parameter', name: 'Verb', value: ['Write'], hasValue: true }, { kind: 'parameter', name: 'Noun', value: ['W*'], hasValue: true }])) as PSObject[];
    expect(byVerb.map((o) => o.read('Name'))).toEqual(['Write-Warning']);
  });

  it('shows an alias as an alias and reports a missing command', async () => {
    const s = session();
    const [alias] = (await run(s, 'Get-Command', [{ kind: 'value', value: ['gcm'] }])) as PSObject[];
    expect(alias.read('DisplayName')).toBe('gcm -> Get-Command');
    await run(s, 'Get-Command', [{ kind: 'value', value: ['No-SuchThing'] }]);
    expect(s.errors[0].fullyQualifiedErrorId).toBe('CommandNotFoundException,Microsoft.PowerShell.Commands.GetCommandCommand');
  });

  it('gives the syntax with -Syntax', async () => {
    const s = session();
    expect(await run(s, 'Get-Command', [{ kind: 'value', value: ['Write-Verbose'] }, { kind: 'parameter', name: 'Syntax', hasValue: false }])).toEqual(['\nWrite-Verbose [-Message] <string> [<CommonParameters>]\n']);
  });
});
