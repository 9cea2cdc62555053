import { describe, expect, it } from 'vitest';
import type { CommandMetadata } from '../metadata/command.js';
import { allParameters, commonParameters } from './index.js';

const advanced: CommandMetadata = { name: 'Get-Thing', cmdletBinding: true, parameters: [{ name: 'Name', type: 'string', sets: {} }] };
const shouldProcess: CommandMetadata = { ...advanced, name: 'Remove-Thing', supportsShouldProcess: true };
const simple: CommandMetadata = { name: 'f', cmdletBinding: false, parameters: [] };

describe('commonParameters', () => {
  it('lists the common parameters of an advanced command, with their aliases, in PowerShell’s order', () => {
    expect(commonParameters(advanced).map((p) => `${p.name}(${p.aliases?.join(',')})`)).toEqual([
      'Verbose(vb)',
      'Debug(db)',
      'ErrorAction(ea)',
      'WarningAction(wa)',
      'InformationAction(infa)',
      'ProgressAction(proga)',
      'ErrorVariable(ev)',
      'WarningVariable(wv)',
      'InformationVariable(iv)',
      'OutVariable(ov)',
      'OutBuffer(ob)',
      'PipelineVariable(pv)',
    ]);
    expect(commonParameters(advanced).every((p) => p.isCommon === true)).toBe(true);
  });

  it('adds -WhatIf and -Confirm where ShouldProcess is supported', () => {
    expect(commonParameters(shouldProcess).slice(-2).map((p) => `${p.name}(${p.aliases?.join(',')}):${p.type}`)).toEqual(['WhatIf(wi):switch', 'Confirm(cf):switch']);
  });

  it('gives a simple function none', () => {
    expect(commonParameters(simple)).toEqual([]);
  });

  it('lists every parameter once per metadata object', () => {
    const all = allParameters(advanced);
    expect(all.map((p) => p.name).slice(0, 3)).toEqual(['Name', 'Verbose', 'Debug']);
    expect(allParameters(advanced)).toBe(all);
  });
});
