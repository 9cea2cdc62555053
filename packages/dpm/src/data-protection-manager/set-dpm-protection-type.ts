import type { LongTermProtection } from '@dpmsh/core';
import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import type { PSSwitch } from '@dpmsh/runtime';
import { isSwitchOn } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { GROUP, PASS_THRU } from '../input/modifiable-group-parameters.js';
import { PROTECTION_TYPES, modifiableObject } from '../objects/protection.js';
import { draftIdOf } from '../objects/references.js';
import { NEW_GROUP_SETUP } from '../help-example-setups.js';

const all = ALL_PARAMETER_SETS;

/** Set-DPMProtectionType. */
export const setDpmProtectionType = defineCmdlet<{ ProtectionGroup: unknown; ShortTerm?: 'Disk'; LongTerm?: LongTermProtection | 'Null'; PassThru?: PSSwitch }>({
  name: 'Set-DPMProtectionType',
  aliases: ['Set-ProtectionType'],
  parameters: [
    GROUP,
    { name: 'ShortTerm', type: 'string', sets: { [all]: {} }, validation: [{ kind: 'set', values: ['Disk'] }], defaultValueText: 'Disk', description: 'Short-term protection: Disk (the mandatory first copy).' },
    { name: 'LongTerm', type: 'string', sets: { [all]: {} }, validation: [{ kind: 'set', values: ['Online', 'Null'] }], description: 'Long-term protection: Online (a copy in the vault); Null or omitted for none.' },
    PASS_THRU,
  ],
  outputType: [PROTECTION_TYPES.modifiableGroup],
  help: {
    synopsis: 'Sets the protection types of a modifiable protection group.',
    description: 'Short-term protection is always on disk; -LongTerm Online also keeps copies in the vault, for the data sources added with -Online.',
    examples: [
      {
        title: 'Disk and online',
        code: 'Set-DPMProtectionType -ProtectionGroup $pg -ShortTerm Disk -LongTerm Online\n$pg.ProtectionMethod',
        setup: NEW_GROUP_SETUP,
        output: 'Short-term using disk, Long-term using online',
      },
    ],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    const draftId = draftIdOf(ctx.params.ProtectionGroup, 'ProtectionGroup');
    const longTerm = ctx.params.LongTerm === 'Online' ? 'Online' : null;
    server.groups.setProtectionType(draftId, 'Disk', longTerm);
    if (isSwitchOn(ctx.params.PassThru)) await ctx.write(modifiableObject(server, draftId));
  },
});
