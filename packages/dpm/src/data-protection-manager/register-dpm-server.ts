import type { ProxyInput } from '@dpmsh/core';
import { defineCmdlet } from '@dpmsh/cmdlets';
import { isSwitchOn } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { secretText } from '../input/secrets.js';
import { DPM_TYPES, registrationObject } from '../objects/preparation.js';
import { VAULT_SETUP } from '../help-example-setups.js';

/** The parameters of Register-DPMServer. */
export interface RegisterParameters {
  VaultCredentials: string;
  EncryptionPassphrase: unknown;
  RecoveryFolder?: string;
  ScratchPath?: string;
  ProxyServer?: string;
  ProxyPort?: number;
  ProxyUsername?: string;
  ProxyPassword?: unknown;
  NoProxy?: boolean;
}

const NO_PROXY_SET = 'NoProxy';
const PROXY_SET = 'Proxy';
const BOTH = { [NO_PROXY_SET]: {}, [PROXY_SET]: {} };

/** Register-DPMServer. */
export const registerDpmServer = defineCmdlet<RegisterParameters>({
  name: 'Register-DPMServer',
  defaultParameterSet: NO_PROXY_SET,
  parameters: [
    {
      name: 'VaultCredentials',
      type: 'string',
      aliases: ['FilePath', 'Path'],
      sets: { [NO_PROXY_SET]: { mandatory: true, position: 0, valueFromPipelineByPropertyName: true }, [PROXY_SET]: { mandatory: true, position: 0, valueFromPipelineByPropertyName: true } },
      description: 'The vault credentials file (Get-VaultCredential); only the newest of the vault, within its 48 hours.',
    },
    { name: 'EncryptionPassphrase', type: 'object', sets: BOTH, description: 'At least 16 printable ASCII characters, as a SecureString or a string. Keep it safe: without it nobody can recover the data, and the vault never sees it. Can also be set later with Set-OBMachineSetting.' },
    { name: 'RecoveryFolder', type: 'string', sets: BOTH, description: 'Where recovered data is staged; created if missing.' },
    { name: 'ScratchPath', type: 'string', aliases: ['StagingAreaPath'], sets: BOTH, description: 'The scratch (cache) location: at least 5% of the data protected online; created if missing.' },
    { name: 'ProxyServer', type: 'string', sets: { [PROXY_SET]: { mandatory: true } }, description: 'The proxy to reach the vault through.' },
    { name: 'ProxyPort', type: 'int', sets: { [PROXY_SET]: { mandatory: true } }, validation: [{ kind: 'range', min: 1, max: 65535 }], description: 'The proxy port.' },
    { name: 'ProxyUsername', type: 'string', sets: { [PROXY_SET]: {} }, description: 'The user name of an authenticated proxy.' },
    { name: 'ProxyPassword', type: 'object', sets: { [PROXY_SET]: {} }, description: 'The password of an authenticated proxy.' },
    { name: 'NoProxy', type: 'switch', sets: { [NO_PROXY_SET]: {} }, description: 'Connects to the vault directly.' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  outputType: [DPM_TYPES.registration],
  help: {
    synopsis: 'Registers this server with a backup vault.',
    description:
      'Registers the server with the vault the credentials file belongs to. The vault checks the file is its newest and still valid, and the server proves it holds the private key of the certificate; the passphrase never leaves the server (only a key check value is kept). A failed registration changes nothing.',
    examples: [
      {
        title: 'Register with downloaded credentials',
        code: "$pass = ConvertTo-SecureString 'correct horse battery staple' -AsPlainText -Force\nGet-BackupVault contoso-vault | Get-VaultCredential -Path $HOME | Register-DPMServer -EncryptionPassphrase $pass -RecoveryFolder $HOME/recovery | Format-List Vault, Region",
        remarks: "At a prompt, read the passphrase with Read-Host -AsSecureString 'Passphrase' rather than writing it in a script.",
        setup: VAULT_SETUP,
        output: [
          '',
          'Vault  : contoso-vault',
          'Region : westus',
        ].join('\n'),
      },
    ],
  },
  async process(ctx) {
    const p = ctx.params;
    const path = ctx.session.resolvePath(p.VaultCredentials);
    if (!(await ctx.shouldProcess(path, 'Register server with vault'))) return;
    const proxy: ProxyInput | null | undefined =
      p.ProxyServer !== undefined
        ? { server: p.ProxyServer, port: Number(p.ProxyPort), username: p.ProxyUsername, password: p.ProxyPassword === undefined ? undefined : secretText(p.ProxyPassword, 'ProxyPassword') }
        : isSwitchOn(p.NoProxy)
          ? null
          : undefined;
    const server = await serverOf(ctx);
    const registration = await server.register({
      credentialsPath: path,
      passphrase: p.EncryptionPassphrase === undefined ? undefined : secretText(p.EncryptionPassphrase, 'EncryptionPassphrase'),
      recoveryFolder: p.RecoveryFolder === undefined ? undefined : ctx.session.resolvePath(p.RecoveryFolder),
      scratchPath: p.ScratchPath === undefined ? undefined : ctx.session.resolvePath(p.ScratchPath),
      proxy,
    });
    await ctx.write(registrationObject(registration));
  },
});
