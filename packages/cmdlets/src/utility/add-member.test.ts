import { afterAll, describe, expect, it } from 'vitest';
import type { CmdletDefinition } from '../session/cmdlet.js';
import { PSObject } from '@dpmsh/runtime';
import { addMemberCmdlet } from './add-member.js';
import { getMemberCmdlet } from './get-member.js';
import { named, run, removeDir } from './test-support/format-pipeline.js';

afterAll(removeDir);

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
