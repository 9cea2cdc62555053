import { defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { DPM_TYPES, machineSettingObject } from '../objects/preparation.js';
import { MARS_REGISTERED_SETUP } from '../help-example-setups.js';

/** Get-OBMachineSetting. */
export const getObMachineSetting = defineCmdlet<Record<string, never>>({
  name: 'Get-OBMachineSetting',
  parameters: [],
  outputType: [DPM_TYPES.machineSetting],
  help: {
    synopsis: "Gets the server's proxy, throttling, staging area and passphrase state (MARS agent).",
    description: 'Gets the settings Set-OBMachineSetting changes. The passphrase itself is never shown or stored; EncryptionPassphraseSet says whether one is set.',
    examples: [
      {
        title: 'Show the settings',
        code: 'Get-OBMachineSetting',
        setup: [MARS_REGISTERED_SETUP, "Set-OBMachineSetting -WorkDay Mo,Tu,We,Th,Fr -StartWorkHour '9:00:00' -EndWorkHour '18:00:00' -WorkHourBandwidth 512KB -NonWorkHourBandwidth 2MB | Out-Null\nSet-OBMachineSetting -EncryptionPassPhrase (ConvertTo-SecureString -String 'Complex!123_STRING' -AsPlainText -Force) | Out-Null"].join('\n'),
        output: [
          '',
          'ProxyServer             :',
          'ProxyPort               :',
          'ProxyUsername           :',
          'ThrottlingEnabled       : True',
          'WorkDay                 : {Monday, Tuesday, Wednesday, Thursday…}',
          'StartWorkHour           : 09:00:00',
          'EndWorkHour             : 18:00:00',
          'WorkHourBandwidth       : 524288',
          'NonWorkHourBandwidth    : 2097152',
          'StagingAreaPath         :',
          'RecoveryFolder          :',
          'EncryptionPassphraseSet : True',
        ].join('\n'),
      },
    ],
  },
  async process(ctx) {
    await ctx.write(machineSettingObject((await serverOf(ctx)).settings()));
  },
});
