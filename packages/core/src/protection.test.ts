import { describe, expect, it } from 'vitest';
import {
  MAX_DATASOURCE_BYTES,
  RETENTION_DAYS,
  SYNC_FREQUENCIES_MINUTES,
  assertDatasourceSize,
  validateRetentionDays,
  validateSyncFrequency,
} from './protection.js';
import { GB, formatBytes } from './bytes.js';
import { expectDomainError } from './test-support/domain-error.js';

describe('data-source size', () => {
  it('is at most 54,400 GB', () => {
    expect(MAX_DATASOURCE_BYTES).toBe(54_400 * 1024 ** 3);
    expect(() => assertDatasourceSize(MAX_DATASOURCE_BYTES)).not.toThrow();
    expect(() => assertDatasourceSize(0)).not.toThrow();
    const e = expectDomainError(() => assertDatasourceSize(MAX_DATASOURCE_BYTES + 1, 'SQL01\\Sales'), 'DatasourceTooLarge');
    expect(e.message).toContain("'SQL01\\Sales'");
    expect(e.message).toContain('54,400 GB');
    expect(e.category).toBe('LimitsExceeded');
    expectDomainError(() => assertDatasourceSize(-1), 'InvalidByteCount');
  });

  it('formats sizes in 1024-based units', () => {
    expect(formatBytes(5 * GB)).toBe('5 GB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(10)).toBe('10 bytes');
  });
});

describe('synchronization frequency', () => {
  it('offers exactly the DPM frequencies', () => {
    expect(SYNC_FREQUENCIES_MINUTES).toEqual([15, 30, 45, 60, 120, 240, 360, 720, 1440]);
    for (const m of SYNC_FREQUENCIES_MINUTES) expect(validateSyncFrequency(m)).toBe(m);
  });

  it('refuses anything else, listing the offered values', () => {
    for (const m of [0, 10, 16, 90, 1441, 15.5]) {
      const e = expectDomainError(() => validateSyncFrequency(m), 'InvalidSyncFrequency');
      expect(e.message).toContain('15, 30, 45, 60, 120, 240, 360, 720, 1440');
    }
  });
});

describe('retention range', () => {
  it('is 1-448 days on disk and 1-9999 days online', () => {
    expect(RETENTION_DAYS).toEqual({ Disk: { min: 1, max: 448 }, Online: { min: 1, max: 9999 } });
    expect(validateRetentionDays(1, 'Disk')).toBe(1);
    expect(validateRetentionDays(448, 'Disk')).toBe(448);
    expect(validateRetentionDays(9999, 'Online')).toBe(9999);
  });

  it('refuses values outside the range and fractions', () => {
    expect(expectDomainError(() => validateRetentionDays(449, 'Disk'), 'RetentionOutOfRange').message).toBe(
      'A retention range of 449 days on disk is out of range: it must be a whole number of days from 1 to 448.',
    );
    expectDomainError(() => validateRetentionDays(0, 'Disk'), 'RetentionOutOfRange');
    expectDomainError(() => validateRetentionDays(10_000, 'Online'), 'RetentionOutOfRange');
    expectDomainError(() => validateRetentionDays(2.5, 'Online'), 'RetentionOutOfRange');
  });
});
