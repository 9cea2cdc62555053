/**
 * The objects the preparation cmdlets (vaults, registration, throttling, settings) output: PSObjects
 * with PowerShell-style type names, so formatting views, Get-Member and pipeline binding by property name see them as a DPM admin expects.
 */
import type { Registration, ServerSettings, SubscriptionRecord, VaultRecord } from '@dpmsh/server';
import { dayOfWeekNumber, formatTimeOfDay, type ThrottlingSchedule } from '@dpmsh/core';
import { PSDateTime, PSEnumValue, PSObject, PSTimeSpan, CUSTOM_OBJECT_TYPE_NAMES } from '@dpmsh/runtime';

/** Type names of the DPM objects. */
export const DPM_TYPES = {
  vault: 'Dpmsh.BackupVault',
  azureVault: 'Microsoft.Azure.Commands.RecoveryServices.ARSVault',
  credential: 'Dpmsh.VaultCredential',
  registration: 'Dpmsh.ServerRegistration',
  obRegistration: 'Microsoft.Internal.CloudBackup.Commands.OBRegistration',
  throttling: 'Dpmsh.ThrottlingSetting',
  cloudStatus: 'Dpmsh.CloudStatus',
  subscription: 'Dpmsh.BackupSubscription',
  machineSetting: 'Microsoft.Internal.CloudBackup.Commands.OBMachineSetting',
  subscriptionSetting: 'Microsoft.Internal.EnterpriseStorage.Dls.UI.ObjectModel.Cloud.CloudSubscriptionSetting',
  backupProperty: 'Microsoft.Azure.Commands.RecoveryServices.ASRVaultBackupProperties',
  settingsFile: 'Microsoft.Azure.Commands.RecoveryServices.VaultSettingsFilePath',
} as const;

function object(typeName: string, data: Record<string, unknown>, extraTypeNames: readonly string[] = []): PSObject {
  const o = new PSObject([typeName, ...extraTypeNames, ...CUSTOM_OBJECT_TYPE_NAMES]);
  for (const [k, v] of Object.entries(data)) o.addNote(k, v);
  return o;
}

const date = (iso: string | Date | null): PSDateTime | null => (iso === null ? null : new PSDateTime(new Date(iso).getTime()));

/** A vault; `azure` puts the Az type first, so the Az cmdlets' output formats as theirs does. */
export function vaultObject(v: VaultRecord, azure = false): PSObject {
  const [first, second] = azure ? [DPM_TYPES.azureVault, DPM_TYPES.vault] : [DPM_TYPES.vault, DPM_TYPES.azureVault];
  return object(first, {
    Name: v.name,
    ID: v.resourceId,
    Type: 'Microsoft.RecoveryServices/vaults',
    Location: v.location,
    ResourceGroupName: v.resourceGroupName,
    SubscriptionId: v.subscriptionId,
    StorageRedundancy: v.storageRedundancy,
    HasBackup: v.hasBackup,
    RegisteredServers: v.registeredServerCount,
    VaultId: v.vaultId,
    CreatedAt: date(v.createdAt),
  }, [second]);
}

/** A registration, as Register-DPMServer returns it. */
export function registrationObject(r: Registration): PSObject {
  return object(DPM_TYPES.registration, {
    ServerName: r.serverName,
    ServerId: r.serverId,
    Vault: r.vaultName,
    VaultId: r.vaultId,
    SubscriptionId: r.subscriptionId,
    Region: r.region,
    CertThumbprint: r.certThumbprint,
    RegisteredAt: date(r.registeredAt),
  });
}

/** A registration, as Start-OBRegistration shows it. */
export function obRegistrationObject(r: Registration): PSObject {
  return object(DPM_TYPES.obRegistration, {
    CertThumbprint: r.certThumbprint,
    SubscriptionID: r.subscriptionId,
    ServiceResourceName: r.vaultName,
    Region: r.region,
  });
}

const DAY_TYPE = 'System.DayOfWeek';

/** A throttling schedule with the properties Set-OBMachineSetting takes. */
export function throttlingObject(t: ThrottlingSchedule): PSObject {
  if (!t.enabled) {
    return object(DPM_TYPES.throttling, { Enabled: false, WorkDay: [], StartWorkHour: null, EndWorkHour: null, WorkHourBandwidth: null, NonWorkHourBandwidth: null });
  }
  return object(DPM_TYPES.throttling, {
    Enabled: true,
    WorkDay: t.workDays.map((d) => new PSEnumValue(DAY_TYPE, d, dayOfWeekNumber(d))),
    StartWorkHour: PSTimeSpan.fromMilliseconds(t.startWorkHour),
    EndWorkHour: PSTimeSpan.fromMilliseconds(t.endWorkHour),
    WorkHourBandwidth: t.workHourBandwidth,
    NonWorkHourBandwidth: t.nonWorkHourBandwidth,
  });
}

/** A subscription. */
export function subscriptionObject(s: SubscriptionRecord): PSObject {
  return object(DPM_TYPES.subscription, { SubscriptionId: s.subscriptionId, State: s.state, StateChangedAt: date(s.stateChangedAt) });
}

/** The machine settings, as Get-OBMachineSetting shows them. */
export function machineSettingObject(s: ServerSettings): PSObject {
  const t = s.throttling;
  return object(DPM_TYPES.machineSetting, {
    ProxyServer: s.proxy?.server ?? null,
    ProxyPort: s.proxy?.port ?? null,
    ProxyUsername: s.proxy?.username ?? null,
    ThrottlingEnabled: t.enabled,
    WorkDay: t.enabled ? t.workDays.map((d) => new PSEnumValue(DAY_TYPE, d, dayOfWeekNumber(d))) : [],
    StartWorkHour: t.enabled ? formatTimeOfDay(t.startWorkHour) : null,
    EndWorkHour: t.enabled ? formatTimeOfDay(t.endWorkHour) : null,
    WorkHourBandwidth: t.enabled ? t.workHourBandwidth : null,
    NonWorkHourBandwidth: t.enabled ? t.nonWorkHourBandwidth : null,
    StagingAreaPath: s.scratchPath,
    RecoveryFolder: s.recoveryFolder,
    EncryptionPassphraseSet: s.passphraseSet,
  });
}
