import type { ProxyInput } from '@dpmsh/core';
import { NO_THROTTLING } from '@dpmsh/core';
import type { SettingsChange } from '@dpmsh/server';
import { defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { secretText } from '../input/secrets.js';
import { scheduleFrom, type ThrottlingParameters, throttlingParameters } from '../input/throttling.js';
import { MARS_REGISTERED_SETUP } from '../help-example-setups.js';

/** What Set-OBMachineSetting prints when a change is saved. */
export const SERVER_PROPERTIES_UPDATED = 'Server properties updated successfully.';

const ENCRYPTION = 'EncryptionPassPhrase';
const PROXY = 'Proxy';
const NO_PROXY = 'NoProxy';
const THROTTLE = 'Throttle';
const NO_THROTTLE = 'NoThrottle';
const STAGING = 'StagingArea';

/** The parameters of Set-OBMachineSetting. */
export interface MachineSettingParameters extends ThrottlingParameters {
  EncryptionPassPhrase?: unknown;
  ProxyServer?: string;
  ProxyPort?: number;
  ProxyUsername?: string;
  ProxyPassword?: unknown;
  NoProxy?: boolean;
  NoThrottle?: boolean;
  StagingAreaPath?: string;
  Force?: boolean;
}

/** The settings change one Set-OBMachineSetting call asks for. */
function machineChange(set: string, p: MachineSettingParameters, resolvePath: (path: string) => string): SettingsChange {
  switch (set) {
    case ENCRYPTION:
      return { passphrase: secretText(p.EncryptionPassPhrase, 'EncryptionPassPhrase') };
    case PROXY: {
      const proxy: ProxyInput = {
        server: String(p.ProxyServer),
        port: Number(p.ProxyPort),
        username: p.ProxyUsername,
        password: p.ProxyPassword === undefined ? undefined : secretText(p.ProxyPassword, 'ProxyPassword'),
      };
      return { proxy };
    }
    case NO_PROXY:
      return { proxy: null };
    case NO_THROTTLE:
      return { throttling: NO_THROTTLING };
    case STAGING:
      return { scratchPath: resolvePath(String(p.StagingAreaPath)) };
    default:
      return { throttling: scheduleFrom(p) };
  }
}

/** Set-OBMachineSetting. */
export const setObMachineSetting = defineCmdlet<MachineSettingParameters>({
  name: 'Set-OBMachineSetting',
  defaultParameterSet: ENCRYPTION,
  parameters: [
    { name: 'EncryptionPassPhrase', type: 'object', sets: { [ENCRYPTION]: { mandatory: true, position: 0 } }, description: 'The encryption passphrase: at least 16 printable ASCII characters.' },
    { name: 'ProxyServer', type: 'string', sets: { [PROXY]: { mandatory: true, position: 0 } }, description: 'The proxy server.' },
    { name: 'ProxyPort', type: 'int', sets: { [PROXY]: { mandatory: true, position: 1 } }, validation: [{ kind: 'range', min: 1, max: 65535 }], description: 'The proxy port.' },
    { name: 'ProxyUsername', type: 'string', sets: { [PROXY]: { position: 2 } }, description: 'The proxy user name.' },
    { name: 'ProxyPassword', type: 'object', sets: { [PROXY]: { position: 3 } }, description: 'The proxy password.' },
    { name: 'NoProxy', type: 'switch', sets: { [NO_PROXY]: { mandatory: true } }, description: 'Connects directly.' },
    { name: 'NoThrottle', type: 'switch', sets: { [NO_THROTTLE]: { mandatory: true } }, description: 'Turns throttling off.' },
    ...throttlingParameters(THROTTLE),
    { name: 'StagingAreaPath', type: 'string', sets: { [STAGING]: { mandatory: true } }, description: 'The scratch (cache) location.' },
    { name: 'Force', type: 'switch', sets: { __AllParameterSets: {} }, description: 'Accepted for compatibility.' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  outputType: ['System.String'],
  help: {
    synopsis: "Changes the server's passphrase, proxy, throttling or staging area (MARS agent).",
    description: 'Each call changes one group of settings and prints "Server properties updated successfully.". Bandwidth is in bits per second, from 512 Kbps to 1023 Mbps.',
    examples: [
      {
        title: 'Turn throttling off',
        code: 'Set-OBMachineSetting -NoThrottle',
        setup: MARS_REGISTERED_SETUP,
        output: SERVER_PROPERTIES_UPDATED,
      },
      {
        title: 'Set the passphrase',
        code: '$p = ConvertTo-SecureString -String "Complex!123_STRING" -AsPlainText -Force\nSet-OBMachineSetting -EncryptionPassPhrase $p',
        setup: MARS_REGISTERED_SETUP,
        output: SERVER_PROPERTIES_UPDATED,
      },
    ],
  },
  async process(ctx) {
    const change = machineChange(ctx.parameterSetName, ctx.params, (p) => ctx.session.resolvePath(p));
    if (!(await ctx.shouldProcess('server properties', `Set ${ctx.parameterSetName}`))) return;
    await (await serverOf(ctx)).changeSettings(change);
    await ctx.write(SERVER_PROPERTIES_UPDATED);
  },
});
