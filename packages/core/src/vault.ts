/** Vault rules: names, storage redundancy and its lock at the first backup. */
import { DomainError } from './errors.js';

/** Shortest and longest vault name. */
export const VAULT_NAME_MIN_LENGTH = 2;
/** Longest vault name. */
export const VAULT_NAME_MAX_LENGTH = 50;

const VAULT_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;

const NAME_RULE = `A vault name has ${VAULT_NAME_MIN_LENGTH} to ${VAULT_NAME_MAX_LENGTH} characters: letters, digits and hyphens, starting with a letter.`;

/** Checks a vault name (2-50 characters, letters, digits and hyphens, starting with a letter) and returns it. */
export function validateVaultName(name: string): string {
  let why: string | undefined;
  if (name.length < VAULT_NAME_MIN_LENGTH) why = `it has ${name.length} character${name.length === 1 ? '' : 's'}`;
  else if (name.length > VAULT_NAME_MAX_LENGTH) why = `it has ${name.length} characters`;
  else if (!/^[A-Za-z]/.test(name)) why = 'it does not start with a letter';
  else if (!VAULT_NAME.test(name)) why = 'it contains a character other than a letter, digit or hyphen';
  if (why !== undefined) {
    throw new DomainError({
      id: 'InvalidVaultName',
      category: 'InvalidArgument',
      message: `The vault name '${name}' is not valid: ${why}. ${NAME_RULE}`,
      recommendedAction: 'Choose a name that follows these rules, for example contoso-vault.',
      target: name,
    });
  }
  return name;
}

/** Refuses a name already used by a vault of the same subscription (compared case-insensitively). */
export function assertVaultNameAvailable(name: string, existingNames: Iterable<string>): void {
  const wanted = name.toLowerCase();
  for (const existing of existingNames) {
    if (existing.toLowerCase() === wanted) {
      throw new DomainError({
        id: 'VaultAlreadyExists',
        category: 'ResourceExists',
        message: `A vault named '${existing}' already exists in this subscription; vault names are unique for each subscription (letter case does not matter).`,
        recommendedAction: `Choose another name, or use the existing vault with Get-BackupVault -Name '${existing}'.`,
        target: name,
      });
    }
  }
}

/** The storage redundancy options of a vault. */
export const STORAGE_REDUNDANCIES = ['GeoRedundant', 'LocallyRedundant', 'ZoneRedundant'] as const;

/** How the vault replicates its storage. */
export type StorageRedundancy = (typeof STORAGE_REDUNDANCIES)[number];

/** A new vault is geo-redundant, as the seeds say. */
export const DEFAULT_STORAGE_REDUNDANCY: StorageRedundancy = 'GeoRedundant';

/** Reads 'GeoRedundant', 'locallyredundant', ... case-insensitively. */
export function parseStorageRedundancy(text: string): StorageRedundancy {
  const t = text.trim().toLowerCase();
  const found = STORAGE_REDUNDANCIES.find((r) => r.toLowerCase() === t);
  if (found === undefined) {
    throw new DomainError({
      id: 'InvalidStorageRedundancy',
      category: 'InvalidArgument',
      message: `'${text}' is not a storage redundancy option.`,
      recommendedAction: `Use ${STORAGE_REDUNDANCIES.join(', ')}.`,
      target: text,
    });
  }
  return found;
}

/** The facts about a vault that decide whether its storage redundancy may change. */
export interface RedundancyChangeSubject {
  readonly name: string;
  /** True once any item has been backed up to the vault. */
  readonly hasBackup: boolean;
  /** The current redundancy; with `requested`, setting the same value again is always allowed. */
  readonly storageRedundancy?: StorageRedundancy;
}

/**
 * Refuses a storage-redundancy change once the vault holds a backup. Setting the redundancy it
 * already has is not a change, so Microsoft's scripts that set GeoRedundant on every run work.
 */
export function assertRedundancyChangeAllowed(vault: RedundancyChangeSubject, requested?: StorageRedundancy): void {
  if (!vault.hasBackup) return;
  if (requested !== undefined && requested === vault.storageRedundancy) return;
  throw new DomainError({
    id: 'StorageRedundancyLocked',
    category: 'InvalidOperation',
    message: `The storage redundancy of vault '${vault.name}' cannot be changed because the vault already holds backup data. Modify storage settings before the initial backup.`,
    recommendedAction: `Create a new vault with the storage redundancy you want and register the server to it, or stop protection to '${vault.name}' and delete its backup data before you modify storage settings.`,
    target: vault.name,
  });
}
