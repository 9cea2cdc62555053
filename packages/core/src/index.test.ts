import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as core from './index.js';

describe('public API', () => {
  it('exports the names other packages build on', () => {
    const functions = [
      'validateVaultName', 'assertVaultNameAvailable', 'parseStorageRedundancy', 'assertRedundancyChangeAllowed',
      'normalizeRegion', 'credentialValidity', 'checkCredential', 'unreadableCredentialsError', 'credentialFileName',
      'serializeVaultCredentials', 'parseVaultCredentials', 'validatePassphrase', 'requiredScratchBytes',
      'validateScratchSpace', 'validateProxy', 'assertNotRegisteredElsewhere', 'parseDayOfWeek', 'validateThrottling',
      'bandwidthAt', 'nextRateChange', 'parseTimeOfDay', 'connectivityFrom', 'cloudOperations', 'assertOperationAllowed',
      'assertDatasourceSize', 'validateSyncFrequency', 'validateRetentionDays', 'classifyFileForBackup', 'DomainError',
    ] as const;
    for (const name of functions) expect(typeof core[name], name).toBe('function');
    expect(core.STORAGE_REDUNDANCIES).toContain('GeoRedundant');
    expect(core.MIN_BANDWIDTH_BPS).toBe(512 * 1024);
    expect(core.MAX_BANDWIDTH_BPS).toBe(1023 * 1024 * 1024);
  });

  it('lists in DOMAIN_ERROR_IDS every id the sources throw', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const thrown = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      for (const m of readFileSync(`${dir}/${file}`, 'utf8').matchAll(/\bid: '([A-Za-z]+)'/g)) thrown.add(m[1] as string);
    }
    thrown.add('RecoveryFolderUnusable').add('ScratchLocationUnusable');
    expect([...thrown].sort()).toEqual([...core.DOMAIN_ERROR_IDS].sort());
  });
});
