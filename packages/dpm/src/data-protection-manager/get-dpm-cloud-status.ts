import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { PSDateTime, PSObject, CUSTOM_OBJECT_TYPE_NAMES } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { assertThisServer } from '../input/this-server.js';
import { DPM_TYPES } from '../objects/preparation.js';
import { REGISTERED_SETUP } from '../help-example-setups.js';

/** Get-DPMCloudStatus. */
export const getDpmCloudStatus = defineCmdlet<{ DPMServerName?: string }>({
  name: 'Get-DPMCloudStatus',
  parameters: [{ name: 'DPMServerName', type: 'string', aliases: ['ComputerName', 'CN'], sets: { [ALL_PARAMETER_SETS]: { position: 0 } }, description: 'The server; this server when omitted.' }],
  outputType: [DPM_TYPES.cloudStatus],
  help: {
    synopsis: 'Shows registration, connectivity, subscription state and which backups and restores are allowed.',
    description:
      'Combines the connectivity state (connected, or connectivity lost for more than 15 days) with the subscription state (Active, Expired, Deprovisioned) as the table of the Azure Backup Server documentation does, and reports each of BackupToVault, BackupToDisk, RestoreFromVault and RestoreFromDisk as Allowed or Stopped. When the vault does not answer, the subscription state is Unknown (never assumed Active) and a warning says so: backups and restores from the vault stop until it answers, restores from disk go on.',
    examples: [
      {
        title: 'Show what the cloud status allows',
        code: 'Get-DPMCloudStatus | Format-List Registered, Vault, Connectivity, SubscriptionState, BackupToVault, BackupToDisk, RestoreFromVault, RestoreFromDisk',
        remarks: 'LastContact, left out here, is the time the vault last answered.',
        setup: REGISTERED_SETUP,
        output: [
          '',
          'Registered        : True',
          'Vault             : contoso-vault',
          'Connectivity      : Connected',
          'SubscriptionState : Active',
          'BackupToVault     : Allowed',
          'BackupToDisk      : Allowed',
          'RestoreFromVault  : Allowed',
          'RestoreFromDisk   : Allowed',
        ].join('\n'),
      },
    ],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    assertThisServer(ctx.params.DPMServerName, server.serverName);
    const s = await server.cloudStatus();
    for (const warning of s.warnings) ctx.writeWarning(warning);
    const o = new PSObject([DPM_TYPES.cloudStatus, ...CUSTOM_OBJECT_TYPE_NAMES]);
    o.addNote('Registered', s.registered);
    o.addNote('Vault', s.vault);
    o.addNote('Connected', s.connected);
    o.addNote('Connectivity', s.connectivity);
    o.addNote('LastContact', s.lastContact ? new PSDateTime(s.lastContact.getTime()) : null);
    o.addNote('SubscriptionState', s.subscriptionState);
    o.addNote('BackupToVault', s.operations.backupToVault);
    o.addNote('BackupToDisk', s.operations.backupToDisk);
    o.addNote('RestoreFromVault', s.operations.restoreFromVault);
    o.addNote('RestoreFromDisk', s.operations.restoreFromDisk);
    o.addNote('VaultRecoveryPointsDeleted', s.operations.vaultRecoveryPointsDeleted);
    await ctx.write(o);
  },
});
