/**
 * The refusals the server finds out by I/O or by looking in its catalog (a folder that is not
 * writable, a name already taken, a recovery point that is gone). Pure rules live in @dpmsh/core;
 * these are DomainErrors too, with stable ids, shown without a stack.
 */
import { DomainError } from '@dpmsh/core';

/** Disk storage that is not an existing writable folder. */
export function diskUnusableError(path: string, reason: string): DomainError {
  return new DomainError({
    id: 'DiskStorageUnusable',
    category: 'InvalidArgument',
    message: `The folder '${path}' cannot be used as disk storage: ${reason}.`,
    recommendedAction: 'Give an existing folder on a local volume that this server can write to, for example one you created with New-Item -ItemType Directory.',
    target: path,
    reason,
  });
}

/** Disk storage added twice. */
export function diskAlreadyAddedError(path: string): DomainError {
  return new DomainError({
    id: 'DiskStorageAlreadyAdded',
    category: 'ResourceExists',
    message: `The folder '${path}' is already disk storage of this server.`,
    recommendedAction: 'List the disk storage with Get-DPMDisk; add a different folder to add capacity.',
    target: path,
  });
}

/** A protection group name used by another group. */
export function groupNameTakenError(name: string): DomainError {
  return new DomainError({
    id: 'ProtectionGroupNameTaken',
    category: 'ResourceExists',
    message: `A protection group named '${name}' already exists on this server.`,
    recommendedAction: 'Choose another name, or change the existing group with Get-DPMModifiableProtectionGroup.',
    target: name,
  });
}

/** A protection group that is not (or no longer) in the catalog. */
export function groupNotFoundError(what: string): DomainError {
  return new DomainError({
    id: 'ProtectionGroupNotFound',
    category: 'ObjectNotFound',
    message: `There is no protection group ${what} on this server.`,
    recommendedAction: 'List the protection groups with Get-DPMProtectionGroup and pass one of them.',
    target: what,
  });
}

/** A modifiable group object that this server did not hand out, or that was already saved and replaced. */
export function modifiableGroupUnknownError(): DomainError {
  return new DomainError({
    id: 'ModifiableProtectionGroupRequired',
    category: 'InvalidArgument',
    message: 'The protection group given is not a modifiable protection group of this session.',
    recommendedAction: 'Get one with New-DPMProtectionGroup or Get-DPMModifiableProtectionGroup, change it, then save it with Set-DPMProtectionGroup.',
  });
}

/** A data source no plugin knows now. */
export function datasourceNotFoundError(what: string): DomainError {
  return new DomainError({
    id: 'DatasourceNotFound',
    category: 'ObjectNotFound',
    message: `No workload plugin finds the data source ${what} on this server.`,
    recommendedAction: 'List what can be protected with Get-DPMDatasource -Inquire; check the path exists and the plugin that protects it is loaded.',
    target: what,
  });
}

/** A data source already in another protection group. */
export function datasourceAlreadyProtectedError(name: string, group: string): DomainError {
  return new DomainError({
    id: 'DatasourceAlreadyProtected',
    category: 'ResourceExists',
    message: `The data source '${name}' is already protected by the protection group '${group}'; a data source belongs to one group only.`,
    recommendedAction: `Change its protection in '${group}' with Get-DPMModifiableProtectionGroup instead.`,
    target: name,
  });
}

/** A backup of a data source that no saved protection group protects. */
export function datasourceNotProtectedError(name: string): DomainError {
  return new DomainError({
    id: 'DatasourceNotProtected',
    category: 'InvalidOperation',
    message: `The data source '${name}' is not a member of a saved protection group, so it has no protection policy to back up by.`,
    recommendedAction: 'Add it to a protection group (Add-DPMChildDatasource) and save the group with Set-DPMProtectionGroup.',
    target: name,
  });
}

/** An online backup of a data source not protected online. */
export function onlineProtectionNotEnabledError(name: string): DomainError {
  return new DomainError({
    id: 'OnlineProtectionNotEnabled',
    category: 'InvalidOperation',
    message: `The data source '${name}' is not protected online: it was not added with -Online, or its group's long-term protection is not Online.`,
    recommendedAction: 'Get the group with Get-DPMModifiableProtectionGroup, add the data source with Add-DPMChildDatasource -Online, run Set-DPMProtectionType -LongTerm Online and save with Set-DPMProtectionGroup.',
    target: name,
  });
}

/** A recovery point that is not in the catalog. */
export function recoveryPointNotFoundError(id: string): DomainError {
  return new DomainError({
    id: 'RecoveryPointNotFound',
    category: 'ObjectNotFound',
    message: `There is no recovery point '${id}' on this server; it may have expired under the retention range.`,
    recommendedAction: 'List the recovery points of the data source with Get-DPMRecoveryPoint and pass one of them.',
    target: id,
  });
}

/** A plugin that could not be loaded, or that no loaded plugin is named. */
export function pluginUnavailableError(plugin: string, reason: string): DomainError {
  return new DomainError({
    id: 'WorkloadPluginUnavailable',
    category: 'NotInstalled',
    message: `The workload plugin '${plugin}' is not available: ${reason}.`,
    recommendedAction: `Install the plugin package that provides '${plugin}' (npm install), or fix the error above; other workloads are not affected.`,
    target: plugin,
    reason,
  });
}

/** A plugin module that loaded but is not a usable workload plugin. */
export function pluginLoadError(specifier: string, reason: string): DomainError {
  return new DomainError({
    id: 'WorkloadPluginLoadFailed',
    category: 'NotInstalled',
    message: `The workload plugin '${specifier}' could not be loaded: ${reason}.`,
    recommendedAction: 'Install a version of the plugin written for this dpmsh (its apiVersion must be one this server speaks), or remove it from the configured plugins.',
    target: specifier,
    reason,
  });
}

/** A backup or restore that needs the master key before any passphrase was given. */
export function encryptionKeyMissingError(): DomainError {
  return new DomainError({
    id: 'EncryptionKeyMissing',
    category: 'InvalidOperation',
    message: 'This server has no encryption key yet. Backups are encrypted with a key that the encryption passphrase protects, and no passphrase has been given since this server was set up.',
    recommendedAction: 'Register with Register-DPMServer -EncryptionPassphrase, or give the passphrase with Set-OBMachineSetting -EncryptionPassphrase (the same one again if it was set before), then try again.',
  });
}

/** A restore option that cannot be honoured. */
export function invalidRecoveryOptionError(message: string, action: string): DomainError {
  return new DomainError({ id: 'InvalidRecoveryOption', category: 'InvalidArgument', message, recommendedAction: action });
}

/** Disk storage that is not on this server. */
export function diskNotFoundError(what: string): DomainError {
  return new DomainError({
    id: 'DiskNotFound',
    category: 'ObjectNotFound',
    message: `There is no disk storage '${what}' on this server.`,
    recommendedAction: 'List the disk storage with Get-DPMDisk and pass one of them.',
    target: what,
  });
}

/** The master key is kept wrapped and has not been unlocked in this session. */
export function masterKeyLockedError(): DomainError {
  return new DomainError({
    id: 'MasterKeyLocked',
    category: 'PermissionDenied',
    message: "The server's master key is locked: it is kept only wrapped under the encryption passphrase (Protect-DPMMasterKey), and no passphrase has opened it in this session.",
    recommendedAction:
      'Set DPMSH_PASSPHRASE_FILE to the path of a file (outside $DPMSH_HOME, readable only by you) that holds the encryption passphrase, or run Unlock-DPMMasterKey -EncryptionPassphrase (Read-Host -AsSecureString), then try again.',
  });
}

/** A passphrase given to unlock the master key that does not open its envelope. */
export function masterKeyPassphraseIncorrectError(source: string): DomainError {
  return new DomainError({
    id: 'MasterKeyPassphraseIncorrect',
    category: 'PermissionDenied',
    message: `The passphrase from ${source} does not open this server's master key.`,
    recommendedAction: 'Give the encryption passphrase this server was last given (Set-OBMachineSetting -EncryptionPassphrase or at registration).',
    target: source,
  });
}

/** The passphrase file named by DPMSH_PASSPHRASE_FILE could not be used. */
export function passphraseFileUnreadableError(path: string, reason: string): DomainError {
  return new DomainError({
    id: 'PassphraseFileUnreadable',
    category: 'ReadError',
    message: `The passphrase file '${path}' (DPMSH_PASSPHRASE_FILE) cannot be read: ${reason}.`,
    recommendedAction: 'Point DPMSH_PASSPHRASE_FILE at a regular file readable by this user that holds the encryption passphrase on its first line, or unset it and run Unlock-DPMMasterKey.',
    target: path,
    reason,
  });
}

/** A secret in the catalog that needs the master key, asked for while there is none. */
export function catalogSecretNeedsKeyError(what: string): DomainError {
  return new DomainError({
    id: 'EncryptionKeyMissing',
    category: 'InvalidOperation',
    message: `The ${what} is kept encrypted under the server's master key, and this server has no master key yet: no encryption passphrase has been given.`,
    recommendedAction: 'Give the encryption passphrase first (Register-DPMServer -EncryptionPassphrase or Set-OBMachineSetting -EncryptionPassphrase), or in the same call, then set the proxy again.',
    target: what,
  });
}

/** An online repair on a server whose vault holds no copy of its data. */
export function onlineCopyNotFoundError(): DomainError {
  return new DomainError({
    id: 'OnlineCopyNotFound',
    category: 'ObjectNotFound',
    message: 'The vault holds no online copy of this server\'s data, so there is nothing online to repair.',
    recommendedAction: 'Repair disk storage instead (Repair-DPMStorage -DPMDiskStorage), or back up online first.',
  });
}

/** A repair asked to do nothing. */
export function nothingToRepairError(): DomainError {
  return new DomainError({
    id: 'NothingToRepair',
    category: 'InvalidArgument',
    message: 'The repair was asked to rebuild neither the index nor reclaim leftovers.',
    recommendedAction: 'Pass -Index, -Leftovers, or neither for both.',
  });
}

/** A sealed catalog secret that does not open under the master key: damaged, or sealed under another key. */
export function catalogSecretDamagedError(what: string): DomainError {
  return new DomainError({
    id: 'CatalogSecretDamaged',
    category: 'InvalidData',
    message: `The ${what} stored in catalog.db does not decrypt under this server's master key: it was damaged, or the catalog was copied from another server.`,
    recommendedAction: 'Set it again (Set-OBMachineSetting -ProxyServer ... -ProxyPassword, or Set-DPMCloudSubscriptionSetting).',
    target: what,
  });
}
