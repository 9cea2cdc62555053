/**
 * The DPM module: preparing a server (vaults, vault credentials, registration, throttling, the
 * cloud connection) and protecting data (disk storage, protection groups, recovery points,
 * restores, jobs), under dpmsh's own names and the names of Microsoft's documented scripts.
 */
import type { CmdletDefinition, Session } from '@dpmsh/cmdlets';
import { getDpmCloudConnection, getDpmCloudStatus } from './cloud-cmdlets.js';
import { getVaultCredential } from './credential-cmdlets.js';
import {
  getAzRecoveryServicesBackupProperty,
  getAzRecoveryServicesVault,
  getAzRecoveryServicesVaultSettingsFile,
  newAzRecoveryServicesVault,
  setAzRecoveryServicesBackupProperty,
} from './azure-cmdlets.js';
import { getDpmCloudSubscriptionSetting, setDpmCloudSubscriptionSetting, startDpmCloudRegistration } from './dpm-subscription-cmdlets.js';
import { getObMachineSetting, setObMachineSetting, startObRegistration } from './mars-cmdlets.js';
import { registerDpmServer } from './registration-cmdlets.js';
import { getThrottlingSetting, setThrottlingSetting } from './throttling-cmdlets.js';
import { getBackupVault, newBackupVault, removeBackupVault, setBackupSubscription, setBackupVault } from './vault-cmdlets.js';
import { registerDpmViews } from './views.js';
import { protectionCmdlets, registerProtectionViews } from './protection/index.js';
import { useServerFactory, type ServerFactory } from './connection.js';

export { openProtectionServer, type ServerFactory } from './connection.js';

/** dpmsh's own preparation cmdlets. */
export const dpmCmdlets = [
  getDpmCloudConnection,
  getDpmCloudStatus,
  newBackupVault,
  getBackupVault,
  setBackupVault,
  removeBackupVault,
  setBackupSubscription,
  getVaultCredential,
  registerDpmServer,
  setThrottlingSetting,
  getThrottlingSetting,
  startDpmCloudRegistration,
  getDpmCloudSubscriptionSetting,
  setDpmCloudSubscriptionSetting,
  ...protectionCmdlets,
] as const;

/** The Az.RecoveryServices cmdlets Microsoft's scripts use. */
export const azureCmdlets = [
  newAzRecoveryServicesVault,
  getAzRecoveryServicesVault,
  setAzRecoveryServicesBackupProperty,
  getAzRecoveryServicesBackupProperty,
  getAzRecoveryServicesVaultSettingsFile,
] as const;

/** The MARS agent cmdlets Microsoft's scripts use. */
export const marsCmdlets = [startObRegistration, setObMachineSetting, getObMachineSetting] as const;

/** How the DPM module is installed on a session. */
export interface DpmModuleOptions {
  /** Opens the session's protection server on the first cmdlet that needs it; `openProtectionServer` when absent. */
  readonly openServer?: ServerFactory;
}

/** Registers the DPM, Az.RecoveryServices and MARS cmdlets and their format views. */
export function installDpmModule(session: Session, options: DpmModuleOptions = {}): void {
  if (options.openServer) useServerFactory(session, options.openServer);
  const asDefinitions = (list: readonly unknown[]) => list as readonly CmdletDefinition<never>[];
  session.registry.registerAll(asDefinitions(dpmCmdlets), 'DataProtectionManager');
  session.registry.registerAll(asDefinitions(azureCmdlets), 'Az.RecoveryServices');
  session.registry.registerAll(asDefinitions(marsCmdlets), 'MSOnlineBackup');
  registerDpmViews(session.formats);
  registerProtectionViews(session.formats);
}
