import { describe, expect, it } from 'vitest';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { CommandMetadata } from '../metadata/command.js';
import { installStandardCommands } from '../install.js';
import { runPipeline } from '../pipeline/run.js';
import type { PSObject } from '@dpmsh/runtime';
import { RecordingHost } from '../session/recording-host.js';
import { Session } from '../session/session.js';
import { parseCommentHelp } from './comment-help.js';
import { syntaxLines, syntaxTypeName } from './syntax.js';
import type { CommandArgument } from '../binder/types.js';

function session(): Session {
  const s = new Session({ host: new RecordingHost(), environment: { PATH: '' } });
  installStandardCommands(s);
  return s;
}

async function run(s: Session, name: string, args: CommandArgument[]): Promise<unknown[]> {
  const out: unknown[] = [];
  await runPipeline({ session: s, scope: s.globalScope, elements: [{ command: s.registry.require(name, s.globalScope), args }], sink: (v) => void out.push(v), signal: new AbortController().signal });
  return out;
}

describe('syntax lines', () => {
  it('writes each set as pwsh does, the default set first', () => {
    const s = session();
    const syntax = (name: string): string[] => syntaxLines(name, s.registry.cmdlet(name)!.metadata);
    expect(syntax('Write-Warning')).toEqual(['Write-Warning [-Message] <string> [<CommonParameters>]']);
    expect(syntax('Write-Host')).toEqual(['Write-Host [[-Object] <Object>] [-NoNewline] [-Separator <Object>] [-ForegroundColor <ConsoleColor>] [-BackgroundColor <ConsoleColor>] [<CommonParameters>]']);
    expect(syntax('Write-Error')[2]).toBe('Write-Error -ErrorRecord <ErrorRecord> [-RecommendedAction <string>] [-CategoryActivity <string>] [-CategoryReason <string>] [-CategoryTargetName <string>] [-CategoryTargetType <string>] [<CommonParameters>]');
    expect(syntax('Read-Host')).toEqual(['Read-Host [[-Prompt] <Object>] [-MaskInput] [<CommonParameters>]', 'Read-Host [[-Prompt] <Object>] [-AsSecureString] [<CommonParameters>]']);
  });

  it('puts mandatory named parameters before optional ones, and ShouldProcess before the common parameters', () => {
    const metadata: CommandMetadata = {
      name: 'Set-Thing',
      cmdletBinding: true,
      supportsShouldProcess: true,
      parameters: [
        { name: 'Force', type: 'switch', sets: { [ALL_PARAMETER_SETS]: {} } },
        { name: 'Path', type: 'string[]', sets: { [ALL_PARAMETER_SETS]: { mandatory: true } } },
        { name: 'Count', type: 'int', sets: { [ALL_PARAMETER_SETS]: { position: 1 } } },
        { name: 'Name', type: 'string', sets: { [ALL_PARAMETER_SETS]: { position: 0, mandatory: true } } },
      ],
    };
    expect(syntaxLines('Set-Thing', metadata)).toEqual(['Set-Thing [-Name] <string> [[-Count] <int>] -Path <string[]> [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]']);
  });

  it('gives a simple function automatic positions and no common parameters', () => {
    const metadata: CommandMetadata = {
      name: 'f',
      cmdletBinding: false,
      parameters: [
        { name: 'a', type: 'object', sets: { [ALL_PARAMETER_SETS]: {} } },
        { name: 's', type: 'switch', sets: { [ALL_PARAMETER_SETS]: {} } },
        { name: 'b', type: 'System.DayOfWeek', sets: { [ALL_PARAMETER_SETS]: {} } },
      ],
    };
    expect(syntaxLines('f', metadata)).toEqual(['f [[-a] <Object>] [[-b] <DayOfWeek>] [-s]']);
  });

  it('names types by their accelerators', () => {
    expect(['string', 'System.Int32', 'psobject[]', 'System.Management.Automation.ActionPreference', 'hashtable'].map(syntaxTypeName)).toEqual(['string', 'int', 'psobject[]', 'ActionPreference', 'hashtable']);
  });
});

describe('comment-based help', () => {
  it('reads the keywords of a leading block comment', () => {
    const help = parseCommentHelp('\n<#\n.SYNOPSIS\n    Gets foo.\n.DESCRIPTION\n    Long text.\n.PARAMETER Name\n    The name.\n.EXAMPLE\n    Get-Foo -Name x\n    Gets x.\n#>\nparam($Name)\n');
    expect(help?.synopsis).toBe('Gets foo.');
    expect(help?.description).toBe('Long text.');
    expect(help?.parameters.get('name')).toBe('The name.');
    expect(help?.examples).toEqual([{ code: 'Get-Foo -Name x', remarks: 'Gets x.' }]);
  });

  it('reads # line comments, and ignores comments without keywords', () => {
    expect(parseCommentHelp('# .SYNOPSIS\n# Does it.\nparam()')?.synopsis).toBe('Does it.');
    expect(parseCommentHelp('# just a note\n1')).toBeUndefined();
  });
});

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

describe('Get-Help', () => {
  it('builds the page from the metadata', async () => {
    const s = session();
    const [help] = (await run(s, 'Get-Help', [{ kind: 'value', value: 'Write-Warning' }])) as PSObject[];
    expect(help.read('Synopsis')).toBe('Writes a warning message.');
    expect(help.read('Syntax')).toEqual(['Write-Warning [-Message] <string> [<CommonParameters>]']);
  });

  it('fails for an unknown name with HelpNotFound', async () => {
    const s = session();
    const error = await run(s, 'Get-Help', [{ kind: 'value', value: 'No-Such' }]).catch((e: unknown) => e);
    expect((error as { errorRecord: { fullyQualifiedErrorId: string } }).errorRecord.fullyQualifiedErrorId).toBe('HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand');
  });
});
