/** The backup vault cmdlets: New-, Get-, Set-, Remove-BackupVault and the operator's Set-BackupSubscription. */
import { STORAGE_REDUNDANCIES, SUBSCRIPTION_STATES, type StorageRedundancy, type SubscriptionState } from '@dpmsh/core';
import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { wildcardToRegExp, isSwitchOn } from '@dpmsh/runtime';
import { serverOf } from './connection.js';
import { DPM_TYPES, subscriptionObject, vaultObject } from './objects.js';

const all = ALL_PARAMETER_SETS;

/** New-BackupVault. */
export const newBackupVault = defineCmdlet<{ Name: string; Location: string; StorageRedundancy?: StorageRedundancy; ResourceGroupName?: string }>({
  name: 'New-BackupVault',
  parameters: [
    { name: 'Name', type: 'string', sets: { [all]: { mandatory: true, position: 0 } }, description: 'The vault name: 2-50 letters, digits and hyphens, starting with a letter; unique in the subscription.' },
    { name: 'Location', type: 'string', aliases: ['Region'], sets: { [all]: { mandatory: true, position: 1 } }, description: 'The region the vault lives in, such as westus or "West US".' },
    { name: 'StorageRedundancy', type: 'string', sets: { [all]: {} }, validation: [{ kind: 'set', values: STORAGE_REDUNDANCIES }], defaultValueText: 'GeoRedundant', description: 'How the vault stores its copies; change it only before the first backup.' },
    { name: 'ResourceGroupName', type: 'string', sets: { [all]: {} }, description: 'The resource group the vault ID names.' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  outputType: [DPM_TYPES.vault],
  help: {
    synopsis: 'Creates a backup vault.',
    description: 'Creates a backup vault in the subscription. A server registers with a vault using vault credentials (Get-VaultCredential) and sends the encrypted second copy of its backups there. Storage redundancy is geo-redundant unless you choose otherwise, and can be changed only until the vault holds a backup.',
    examples: [{ title: 'Create a vault', code: "New-BackupVault -Name 'contoso-vault' -Location 'westus'" }],
  },
  async process(ctx) {
    const { Name, Location, StorageRedundancy, ResourceGroupName } = ctx.params;
    if (!(await ctx.shouldProcess(Name, 'Create backup vault'))) return;
    const server = await serverOf(ctx);
    await ctx.write(vaultObject(await server.createVault({ name: Name, location: Location, storageRedundancy: StorageRedundancy, resourceGroupName: ResourceGroupName })));
  },
});

/** Get-BackupVault. */
export const getBackupVault = defineCmdlet<{ Name?: string }>({
  name: 'Get-BackupVault',
  parameters: [{ name: 'Name', type: 'string', sets: { [all]: { position: 0, valueFromPipelineByPropertyName: true } }, description: 'The vault name; wildcards allowed. All vaults when omitted.' }],
  outputType: [DPM_TYPES.vault],
  help: {
    synopsis: 'Gets backup vaults.',
    description: 'Gets the backup vaults of the subscription, or those whose name matches.',
    examples: [{ title: 'List the vaults', code: 'Get-BackupVault' }],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    const name = ctx.params.Name;
    if (name !== undefined && !/[*?[]/.test(name)) {
      await ctx.write(vaultObject(await server.getVault(name)));
      return;
    }
    const pattern = name === undefined ? undefined : wildcardToRegExp(name, false);
    for (const v of await server.listVaults()) if (!pattern || pattern.test(v.name)) await ctx.write(vaultObject(v));
  },
});

/** Set-BackupVault. */
export const setBackupVault = defineCmdlet<{ Name: string; StorageRedundancy: StorageRedundancy; PassThru?: boolean }>({
  name: 'Set-BackupVault',
  parameters: [
    { name: 'Name', type: 'string', sets: { [all]: { mandatory: true, position: 0, valueFromPipelineByPropertyName: true } }, description: 'The vault to change.' },
    { name: 'StorageRedundancy', type: 'string', sets: { [all]: { mandatory: true } }, validation: [{ kind: 'set', values: STORAGE_REDUNDANCIES }], description: 'GeoRedundant, LocallyRedundant or ZoneRedundant.' },
    { name: 'PassThru', type: 'switch', sets: { [all]: {} }, description: 'Outputs the changed vault.' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  outputType: [DPM_TYPES.vault],
  help: {
    synopsis: "Changes a backup vault's storage redundancy.",
    description: 'Changes how the vault stores its copies. Modify storage settings before the initial backup: once the vault holds a backup the change is refused.',
    examples: [{ title: 'Use locally redundant storage', code: "Set-BackupVault -Name 'contoso-vault' -StorageRedundancy LocallyRedundant" }],
  },
  async process(ctx) {
    const { Name, StorageRedundancy, PassThru } = ctx.params;
    if (!(await ctx.shouldProcess(Name, `Set storage redundancy to ${StorageRedundancy}`))) return;
    const server = await serverOf(ctx);
    const vault = await server.setVaultRedundancy(Name, StorageRedundancy);
    if (isSwitchOn(PassThru)) await ctx.write(vaultObject(vault));
  },
});

/** Remove-BackupVault. */
export const removeBackupVault = defineCmdlet<{ Name: string }>({
  name: 'Remove-BackupVault',
  parameters: [{ name: 'Name', type: 'string', sets: { [all]: { mandatory: true, position: 0, valueFromPipelineByPropertyName: true } }, description: 'The vault to delete.' }],
  supportsShouldProcess: true,
  confirmImpact: 'High',
  help: {
    synopsis: 'Deletes a backup vault.',
    description: 'Deletes a backup vault and its credentials. A vault with registered servers cannot be deleted.',
    examples: [{ title: 'Delete a vault without a prompt', code: "Remove-BackupVault -Name 'old-vault' -Confirm:$false" }],
  },
  async process(ctx) {
    if (!(await ctx.shouldProcess(ctx.params.Name, 'Remove backup vault'))) return;
    await (await serverOf(ctx)).removeVault(ctx.params.Name);
  },
});

/** Set-BackupSubscription: the vault operator sets the subscription's state. */
export const setBackupSubscription = defineCmdlet<{ State: SubscriptionState }>({
  name: 'Set-BackupSubscription',
  parameters: [{ name: 'State', type: 'string', sets: { [all]: { mandatory: true, position: 0 } }, validation: [{ kind: 'set', values: SUBSCRIPTION_STATES }], description: 'Active, Expired or Deprovisioned.' }],
  supportsShouldProcess: true,
  confirmImpact: 'High',
  outputType: [DPM_TYPES.subscription],
  help: {
    synopsis: 'Sets the state of the backup subscription (vault operators).',
    description: 'Sets the subscription state that decides, with connectivity, which backups and restores are allowed. Deprovisioned deletes the recovery points in the vault.',
    examples: [{ title: 'Expire the subscription', code: 'Set-BackupSubscription -State Expired -Confirm:$false' }],
  },
  async process(ctx) {
    if (!(await ctx.shouldProcess('backup subscription', `Set state to ${ctx.params.State}`))) return;
    await ctx.write(subscriptionObject(await (await serverOf(ctx)).setSubscriptionState(ctx.params.State)));
  },
});
