import { describe, expect, it } from 'vitest';
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { CommandMetadata } from '../metadata/command.js';
import { installStandardCommands } from '../install.js';
import { RecordingHost } from '../session/recording-host.js';
import { Session } from '../session/session.js';
import { syntaxLines, syntaxTypeName } from './syntax.js';

function session(): Session {
  const s = new Session({ host: new RecordingHost(), environment: { PATH: '' } });
  installStandardCommands(s);
  return s;
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
