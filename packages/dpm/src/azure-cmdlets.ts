/**
 * The Az.RecoveryServices cmdlets Microsoft's documented scripts use to prepare a vault, with their
 * documented parameter sets, over the same vault service as dpmsh's own cmdlets.
 */
import { STORAGE_REDUNDANCIES, type StorageRedundancy } from '@dpmsh/core';
import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { errorRecord, PSObject, CUSTOM_OBJECT_TYPE_NAMES, isSwitchOn } from '@dpmsh/runtime';
import { serverOf } from './connection.js';
import { DPM_TYPES, vaultNameOf, vaultObject } from './objects.js';

const all = ALL_PARAMETER_SETS;
const MODULE_NOTE = 'This is the dpmsh implementation of the Az.RecoveryServices cmdlet, over the dpmsh vault service.';

/** New-AzRecoveryServicesVault. */
export const newAzRecoveryServicesVault = defineCmdlet<{ Name: string; ResourceGroupName: string; Location: string }>({
  name: 'New-AzRecoveryServicesVault',
  parameters: [
    { name: 'Name', type: 'string', sets: { [all]: { mandatory: true } }, description: 'The vault name.' },
    { name: 'ResourceGroupName', type: 'string', sets: { [all]: { mandatory: true } }, description: 'The resource group the vault belongs to.' },
    { name: 'Location', type: 'string', sets: { [all]: { mandatory: true } }, description: 'The region, such as "West US".' },
    { name: 'Tag', type: 'hashtable', sets: { [all]: {} }, description: 'Accepted for compatibility; dpmsh vaults keep no tags.' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  outputType: [DPM_TYPES.azureVault],
  help: {
    synopsis: 'Creates a Recovery Services vault.',
    description: `Creates a backup vault with geo-redundant storage. ${MODULE_NOTE}`,
    examples: [{ title: 'Create a vault', code: 'New-AzRecoveryServicesVault -Name "testvault" -ResourceGroupName "test-rg" -Location "West US"' }],
  },
  async process(ctx) {
    const { Name, ResourceGroupName, Location } = ctx.params;
    if (!(await ctx.shouldProcess(Name, 'Create Recovery Services vault'))) return;
    const vault = await (await serverOf(ctx)).createVault({ name: Name, location: Location, resourceGroupName: ResourceGroupName });
    await ctx.write(vaultObject(vault, true));
  },
});

/** Get-AzRecoveryServicesVault. */
export const getAzRecoveryServicesVault = defineCmdlet<{ Name?: string; ResourceGroupName?: string }>({
  name: 'Get-AzRecoveryServicesVault',
  parameters: [
    { name: 'ResourceGroupName', type: 'string', sets: { [all]: { position: 0 } }, description: 'Only vaults of this resource group.' },
    { name: 'Name', type: 'string', sets: { [all]: { position: 1 } }, description: 'The vault name.' },
  ],
  outputType: [DPM_TYPES.azureVault],
  help: {
    synopsis: 'Gets Recovery Services vaults.',
    description: `Gets the vaults of the subscription, by name or resource group. ${MODULE_NOTE}`,
    examples: [{ title: 'Get a vault by name', code: 'Get-AzRecoveryServicesVault -Name "testvault"' }],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    const { Name, ResourceGroupName } = ctx.params;
    const vaults = Name !== undefined ? [await server.getVault(Name)] : await server.listVaults();
    for (const v of vaults) {
      if (ResourceGroupName === undefined || v.resourceGroupName.toLowerCase() === ResourceGroupName.toLowerCase()) await ctx.write(vaultObject(v, true));
    }
  },
});

/** Set-AzRecoveryServicesBackupProperty (and its plural alias, which Microsoft's DPM scripts use). */
export const setAzRecoveryServicesBackupProperty = defineCmdlet<{ Vault: unknown; BackupStorageRedundancy?: StorageRedundancy; CrossRegionRestore?: boolean }>({
  name: 'Set-AzRecoveryServicesBackupProperty',
  aliases: ['Set-AzRecoveryServicesBackupProperties'],
  parameters: [
    { name: 'Vault', type: 'object', sets: { [all]: { mandatory: true, valueFromPipeline: true } }, description: 'The vault (Get-AzRecoveryServicesVault).' },
    { name: 'BackupStorageRedundancy', type: 'string', sets: { [all]: {} }, validation: [{ kind: 'set', values: STORAGE_REDUNDANCIES }], description: 'GeoRedundant, LocallyRedundant or ZoneRedundant; only before the first backup.' },
    { name: 'CrossRegionRestore', type: 'switch', sets: { [all]: {} }, description: 'Accepted for compatibility; dpmsh vaults restore from their own region.' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  help: {
    synopsis: "Sets a vault's backup storage redundancy.",
    description: `Modify storage settings before the initial backup: once the vault holds a backup the change is refused. ${MODULE_NOTE}`,
    examples: [{ title: 'Keep geo-redundant storage', code: 'Set-AzRecoveryServicesBackupProperty -Vault $vault -BackupStorageRedundancy GeoRedundant' }],
  },
  async process(ctx) {
    const name = vaultNameOf(ctx.params.Vault);
    const redundancy = ctx.params.BackupStorageRedundancy;
    if (redundancy === undefined || !(await ctx.shouldProcess(name, `Set backup storage redundancy to ${redundancy}`))) return;
    await (await serverOf(ctx)).setVaultRedundancy(name, redundancy);
  },
});

/** Get-AzRecoveryServicesBackupProperty. */
export const getAzRecoveryServicesBackupProperty = defineCmdlet<{ Vault: unknown }>({
  name: 'Get-AzRecoveryServicesBackupProperty',
  parameters: [{ name: 'Vault', type: 'object', sets: { [all]: { mandatory: true, valueFromPipeline: true } }, description: 'The vault.' }],
  outputType: [DPM_TYPES.backupProperty],
  help: {
    synopsis: "Gets a vault's backup properties.",
    description: `Gets the storage redundancy of a vault. ${MODULE_NOTE}`,
    examples: [{ title: 'Show the storage redundancy', code: '(Get-AzRecoveryServicesBackupProperty -Vault $vault).BackupStorageRedundancy' }],
  },
  async process(ctx) {
    const vault = await (await serverOf(ctx)).getVault(vaultNameOf(ctx.params.Vault));
    const o = new PSObject([DPM_TYPES.backupProperty, ...CUSTOM_OBJECT_TYPE_NAMES]);
    o.addNote('BackupStorageRedundancy', vault.storageRedundancy);
    o.addNote('CrossRegionRestore', false);
    await ctx.write(o);
  },
});

/** Get-AzRecoveryServicesVaultSettingsFile: downloads vault credentials. */
export const getAzRecoveryServicesVaultSettingsFile = defineCmdlet<{ Vault: unknown; Path?: string; Backup?: boolean; SiteRecovery?: boolean }>({
  name: 'Get-AzRecoveryServicesVaultSettingsFile',
  defaultParameterSet: 'ForBackupVaultTypeWithCertificate',
  parameters: [
    { name: 'Vault', type: 'object', sets: { [all]: { mandatory: true, position: 0, valueFromPipeline: true } }, description: 'The vault.' },
    { name: 'Path', type: 'string', sets: { [all]: { position: 1 } }, defaultValueText: 'the current location', description: 'The folder to write the file to.' },
    { name: 'Backup', type: 'switch', sets: { ForBackupVaultTypeWithCertificate: {} }, description: 'Credentials for backup (the only kind dpmsh issues).' },
    { name: 'SiteRecovery', type: 'switch', sets: { ForSiteRecoveryWithCertificate: { mandatory: true } }, description: 'Not supported: dpmsh vaults are backup vaults.' },
  ],
  outputType: [DPM_TYPES.settingsFile],
  help: {
    synopsis: 'Downloads the vault credentials (settings file) of a vault.',
    description: `Writes the vault credentials file; only the newest is valid, for 48 hours. ${MODULE_NOTE}`,
    examples: [{ title: 'Download credentials', code: '$file = Get-AzRecoveryServicesVaultSettingsFile -Backup -Vault $vault -Path /secure' }],
  },
  async process(ctx) {
    if (isSwitchOn(ctx.params.SiteRecovery)) {
      ctx.throwTerminating(
        errorRecord('Site Recovery vault settings files are not supported: dpmsh vaults are backup vaults. Use -Backup.', 'SiteRecoveryNotSupported', 'NotImplemented', {
          typeName: 'System.NotSupportedException',
        }),
      );
    }
    const server = await serverOf(ctx);
    const file = await server.issueCredentials(vaultNameOf(ctx.params.Vault), ctx.session.resolvePath(ctx.params.Path ?? '.'));
    const o = new PSObject([DPM_TYPES.settingsFile, ...CUSTOM_OBJECT_TYPE_NAMES]);
    o.addNote('FilePath', file.filePath);
    await ctx.write(o);
  },
});
