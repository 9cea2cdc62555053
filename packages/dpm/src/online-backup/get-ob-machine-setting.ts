import { defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { DPM_TYPES, machineSettingObject } from '../objects/preparation.js';

/** Get-OBMachineSetting. */
export const getObMachineSetting = defineCmdlet<Record<string, never>>({
  name: 'Get-OBMachineSetting',
  parameters: [],
  outputType: [DPM_TYPES.machineSetting],
  help: {
    synopsis: "Gets the server's proxy, throttling, staging area and passphrase state (MARS agent).",
    description: 'Gets the settings Set-OBMachineSetting changes. The passphrase itself is never shown or stored; EncryptionPassphraseSet says whether one is set.',
    examples: [{ title: 'Show the settings', code: 'Get-OBMachineSetting' }],
  },
  async process(ctx) {
    await ctx.write(machineSettingObject((await serverOf(ctx)).settings()));
  },
});
