/**
 * The DPM module: preparing a server (vaults, vault credentials, registration, throttling, the
 * cloud connection) and protecting data (disk storage, protection groups, recovery points,
 * restores, jobs), under dpmsh's own names and the names of Microsoft's documented scripts.
 * Each cmdlet lives in its own file, in the folder of the PowerShell module it is registered under.
 */
import type { CmdletDefinition, Session } from '@dpmsh/cmdlets';
import { useServerFactory, type ServerFactory } from './connection.js';
import { registerDpmViews } from './views.js';
import { addDpmChildDatasource } from './data-protection-manager/add-dpm-child-datasource.js';
import { addDpmDisk } from './data-protection-manager/add-dpm-disk.js';
import { getBackupVault } from './data-protection-manager/get-backup-vault.js';
import { getDpmCloudConnection } from './data-protection-manager/get-dpm-cloud-connection.js';
import { getDpmCloudStatus } from './data-protection-manager/get-dpm-cloud-status.js';
import { getDpmCloudSubscriptionSetting } from './data-protection-manager/get-dpm-cloud-subscription-setting.js';
import { getDpmDatasource } from './data-protection-manager/get-dpm-datasource.js';
import { getDpmDisk } from './data-protection-manager/get-dpm-disk.js';
import { getDpmJob } from './data-protection-manager/get-dpm-job.js';
import { getDpmModifiableProtectionGroup } from './data-protection-manager/get-dpm-modifiable-protection-group.js';
import { getDpmProductionServer } from './data-protection-manager/get-dpm-production-server.js';
import { getDpmProtectionGroup } from './data-protection-manager/get-dpm-protection-group.js';
import { getDpmRecoverableItem } from './data-protection-manager/get-dpm-recoverable-item.js';
import { getDpmRecoveryPoint } from './data-protection-manager/get-dpm-recovery-point.js';
import { getThrottlingSetting } from './data-protection-manager/get-throttling-setting.js';
import { getVaultCredential } from './data-protection-manager/get-vault-credential.js';
import { newBackupVault } from './data-protection-manager/new-backup-vault.js';
import { newDpmProtectionGroup } from './data-protection-manager/new-dpm-protection-group.js';
import { newDpmRecoveryOption } from './data-protection-manager/new-dpm-recovery-option.js';
import { newDpmRecoveryPoint } from './data-protection-manager/new-dpm-recovery-point.js';
import { protectDpmMasterKey } from './data-protection-manager/protect-dpm-master-key.js';
import { registerDpmServer } from './data-protection-manager/register-dpm-server.js';
import { removeBackupVault } from './data-protection-manager/remove-backup-vault.js';
import { removeDpmChildDatasource } from './data-protection-manager/remove-dpm-child-datasource.js';
import { restoreDpmRecoverableItem } from './data-protection-manager/restore-dpm-recoverable-item.js';
import { setBackupSubscription } from './data-protection-manager/set-backup-subscription.js';
import { setBackupVault } from './data-protection-manager/set-backup-vault.js';
import { setDpmCloudSubscriptionSetting } from './data-protection-manager/set-dpm-cloud-subscription-setting.js';
import { setDpmPolicyObjective } from './data-protection-manager/set-dpm-policy-objective.js';
import { setDpmProtectionGroup } from './data-protection-manager/set-dpm-protection-group.js';
import { setDpmProtectionType } from './data-protection-manager/set-dpm-protection-type.js';
import { setThrottlingSetting } from './data-protection-manager/set-throttling-setting.js';
import { startDpmCloudRegistration } from './data-protection-manager/start-dpm-cloud-registration.js';
import { startDpmScheduler } from './data-protection-manager/start-dpm-scheduler.js';
import { testDpmRecoveryPoint } from './data-protection-manager/test-dpm-recovery-point.js';
import { repairDpmStorage } from './data-protection-manager/repair-dpm-storage.js';
import { unlockDpmMasterKey } from './data-protection-manager/unlock-dpm-master-key.js';
import { unprotectDpmMasterKey } from './data-protection-manager/unprotect-dpm-master-key.js';
import { getObMachineSetting } from './online-backup/get-ob-machine-setting.js';
import { setObMachineSetting } from './online-backup/set-ob-machine-setting.js';
import { startObRegistration } from './online-backup/start-ob-registration.js';
import { getAzRecoveryServicesBackupProperty } from './recovery-services/get-az-recovery-services-backup-property.js';
import { getAzRecoveryServicesVault } from './recovery-services/get-az-recovery-services-vault.js';
import { getAzRecoveryServicesVaultSettingsFile } from './recovery-services/get-az-recovery-services-vault-settings-file.js';
import { newAzRecoveryServicesVault } from './recovery-services/new-az-recovery-services-vault.js';
import { setAzRecoveryServicesBackupProperty } from './recovery-services/set-az-recovery-services-backup-property.js';

export { openProtectionServer, type ServerFactory, type ServerSessionOptions } from './connection.js';

/** The protection cmdlets, in the order Get-Command lists them by noun. */
export const protectionCmdlets = [
  addDpmDisk,
  getDpmDisk,
  getDpmProductionServer,
  getDpmDatasource,
  newDpmProtectionGroup,
  getDpmProtectionGroup,
  getDpmModifiableProtectionGroup,
  addDpmChildDatasource,
  removeDpmChildDatasource,
  setDpmProtectionType,
  setDpmPolicyObjective,
  setDpmProtectionGroup,
  newDpmRecoveryPoint,
  getDpmRecoveryPoint,
  testDpmRecoveryPoint,
  repairDpmStorage,
  newDpmRecoveryOption,
  getDpmRecoverableItem,
  restoreDpmRecoverableItem,
  getDpmJob,
  startDpmScheduler,
] as const;

/** dpmsh's own cmdlets (module DataProtectionManager): preparation first, then protection. */
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
  protectDpmMasterKey,
  unlockDpmMasterKey,
  unprotectDpmMasterKey,
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

/** The MARS agent cmdlets (module MSOnlineBackup) Microsoft's scripts use. */
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
}
