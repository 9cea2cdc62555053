import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STORAGE_REDUNDANCY,
  STORAGE_REDUNDANCIES,
  assertRedundancyChangeAllowed,
  assertVaultNameAvailable,
  parseStorageRedundancy,
  validateVaultName,
} from './vault.js';
import { expectDomainError } from './test-support/domain-error.js';

describe('validateVaultName', () => {
  it('accepts 2 and 50 characters of letters, digits and hyphens starting with a letter', () => {
    expect(validateVaultName('ab')).toBe('ab');
    expect(validateVaultName('a'.repeat(50))).toBe('a'.repeat(50));
    expect(validateVaultName('contoso-vault-01')).toBe('contoso-vault-01');
    expect(validateVaultName('Z9')).toBe('Z9');
  });

  it.each([
    ['a', 'it has 1 character'],
    ['', 'it has 0 characters'],
    ['a'.repeat(51), 'it has 51 characters'],
    ['1vault', 'does not start with a letter'],
    ['-vault', 'does not start with a letter'],
    ['my_vault', 'other than a letter, digit or hyphen'],
    ['my vault', 'other than a letter, digit or hyphen'],
    ['vaulté', 'other than a letter, digit or hyphen'],
  ])('refuses %j (%s)', (name, why) => {
    const e = expectDomainError(() => validateVaultName(name), 'InvalidVaultName');
    expect(e.message).toContain(why);
    expect(e.message).toContain('2 to 50 characters');
    expect(e.category).toBe('InvalidArgument');
  });
});

describe('assertVaultNameAvailable', () => {
  it('allows a new name', () => {
    expect(() => assertVaultNameAvailable('new-vault', ['contoso-vault'])).not.toThrow();
  });

  it('refuses an existing name case-insensitively, naming it', () => {
    const e = expectDomainError(() => assertVaultNameAvailable('Contoso-Vault', ['other', 'contoso-vault']), 'VaultAlreadyExists');
    expect(e.message).toContain("'contoso-vault'");
    expect(e.category).toBe('ResourceExists');
  });

  it('takes any iterable of names', () => {
    expectDomainError(() => assertVaultNameAvailable('x1', new Set(['X1'])), 'VaultAlreadyExists');
  });
});

describe('storage redundancy', () => {
  it('defaults to GeoRedundant and lists the three options', () => {
    expect(DEFAULT_STORAGE_REDUNDANCY).toBe('GeoRedundant');
    expect(STORAGE_REDUNDANCIES).toEqual(['GeoRedundant', 'LocallyRedundant', 'ZoneRedundant']);
  });

  it('parses case-insensitively', () => {
    expect(parseStorageRedundancy('georedundant')).toBe('GeoRedundant');
    expect(parseStorageRedundancy(' LOCALLYREDUNDANT ')).toBe('LocallyRedundant');
    expect(parseStorageRedundancy('ZoneRedundant')).toBe('ZoneRedundant');
  });

  it('refuses anything else, listing the options', () => {
    const e = expectDomainError(() => parseStorageRedundancy('Geo'), 'InvalidStorageRedundancy');
    expect(e.recommendedAction).toContain('GeoRedundant, LocallyRedundant, ZoneRedundant');
  });

  it('allows a change before the first backup', () => {
    expect(() => assertRedundancyChangeAllowed({ name: 'v', hasBackup: false })).not.toThrow();
    expect(() => assertRedundancyChangeAllowed({ name: 'v', hasBackup: false, storageRedundancy: 'GeoRedundant' }, 'ZoneRedundant')).not.toThrow();
  });

  it('refuses a change once the vault holds a backup, saying how to proceed', () => {
    const e = expectDomainError(() => assertRedundancyChangeAllowed({ name: 'contoso-vault', hasBackup: true }), 'StorageRedundancyLocked');
    expect(e.message).toContain('Modify storage settings before the initial backup');
    expect(e.message).toContain("'contoso-vault'");
    expect(e.recommendedAction).toContain('Create a new vault');
    expect(e.category).toBe('InvalidOperation');
    expectDomainError(
      () => assertRedundancyChangeAllowed({ name: 'v', hasBackup: true, storageRedundancy: 'GeoRedundant' }, 'LocallyRedundant'),
      'StorageRedundancyLocked',
    );
  });

  it('treats setting the current redundancy again as no change', () => {
    expect(() =>
      assertRedundancyChangeAllowed({ name: 'v', hasBackup: true, storageRedundancy: 'GeoRedundant' }, 'GeoRedundant'),
    ).not.toThrow();
  });
});
