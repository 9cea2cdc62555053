import { describe, expect, it } from 'vitest';
import { getMember, invokeMethod, listMembers, setMember } from './members.js';
import { toStringMethod } from './instance-members.js';
import { toText } from './text.js';
import { resolveType, typeNamesOf } from './types.js';
import { PSDateTime } from './values.js';
import type { PSList, PSTypeLiteral } from './values.js';
import { DebugRecord, InformationRecord, VerboseRecord, WarningRecord } from './records.js';

const typeName = (value: unknown): string => (invokeMethod(value, 'GetType', []) as PSTypeLiteral).fullName;

describe('stream records as .NET objects', () => {
  it('gives warning, verbose and debug records their type, Message and string form', () => {
    const w = new WarningRecord('disk low', { commandName: 'Write-Warning' });
    expect(typeName(w)).toBe('System.Management.Automation.WarningRecord');
    expect(typeName(new VerboseRecord('v'))).toBe('System.Management.Automation.VerboseRecord');
    expect(typeName(new DebugRecord('d'))).toBe('System.Management.Automation.DebugRecord');
    expect(getMember(w, 'message')).toBe('disk low');
    expect(getMember(w, 'FullyQualifiedWarningId')).toBe('');
    expect(toText(w)).toBe('disk low');
    expect(toStringMethod(w)).toBe('disk low');
    expect(invokeMethod(w, 'ToString', [])).toBe('disk low');
    expect(typeNamesOf(w)).toEqual(['System.Management.Automation.WarningRecord', 'System.Management.Automation.InformationalRecord', 'System.Object']);
    expect(resolveType('System.Management.Automation.InformationalRecord')?.isInstance(new DebugRecord('d'))).toBe(true);
  });

  it('lets Message be set, as .NET does', () => {
    const v = new VerboseRecord('before');
    setMember(v, 'Message', 'after');
    expect(getMember(v, 'Message')).toBe('after');
  });

  it('lists the members Get-Member shows', () => {
    const names = listMembers(new WarningRecord('x')).map((m) => `${m.name}:${m.memberType}`);
    expect(names).toEqual(expect.arrayContaining(['Message:Property', 'InvocationInfo:Property', 'FullyQualifiedWarningId:Property', 'ToString:Method']));
    expect(listMembers(new VerboseRecord('x')).some((m) => m.name === 'FullyQualifiedWarningId')).toBe(false);
  });

  it('gives information records MessageData, Tags, Source and TimeGenerated', () => {
    const i = new InformationRecord(42, 'Write-Information', ['a', 'b']);
    expect(typeName(i)).toBe('System.Management.Automation.InformationRecord');
    expect(getMember(i, 'MessageData')).toBe(42);
    expect(getMember(i, 'Source')).toBe('Write-Information');
    expect((getMember(i, 'Tags') as PSList).items).toEqual(['a', 'b']);
    expect(getMember(i, 'TimeGenerated')).toBeInstanceOf(PSDateTime);
    expect(toText(i)).toBe('42');
    expect(invokeMethod(i, 'ToString', [])).toBe('42');
  });
});
