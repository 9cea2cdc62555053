import { describe, expect, it } from 'vitest';
import { assertDiskStorageAvailable, validateProtectionGroupName, validateProtectionPlan } from './protection-group.js';
import { expiredRecoveryPoints } from './retention.js';
import { expectDomainError } from './test-support/domain-error.js';

describe('protection groups', () => {
  it('refuse to go on without disk storage, the mandatory first copy', () => {
    expect(() => assertDiskStorageAvailable(1)).not.toThrow();
    const e = expectDomainError(() => assertDiskStorageAvailable(0), 'NoDiskStorage');
    expect(e.recommendedAction).toContain('Add-DPMDisk');
  });

  it('take a name of 1 to 64 characters', () => {
    expect(validateProtectionGroupName('  File servers ')).toBe('File servers');
    expectDomainError(() => validateProtectionGroupName(' '), 'InvalidProtectionGroupName');
    expectDomainError(() => validateProtectionGroupName('x'.repeat(65)), 'InvalidProtectionGroupName');
    expectDomainError(() => validateProtectionGroupName('a\nb'), 'InvalidProtectionGroupName');
  });

  it('need a member, and Online long-term protection for members marked online', () => {
    expectDomainError(() => validateProtectionPlan({ name: 'PG', memberCount: 0, onlineMemberCount: 0, longTerm: null }), 'ProtectionGroupEmpty');
    const e = expectDomainError(() => validateProtectionPlan({ name: 'PG', memberCount: 2, onlineMemberCount: 1, longTerm: null }), 'OnlineProtectionNotSelected');
    expect(e.message).toContain('1 data source marked');
    expect(() => validateProtectionPlan({ name: 'PG', memberCount: 2, onlineMemberCount: 1, longTerm: 'Online' })).not.toThrow();
    expect(() => validateProtectionPlan({ name: 'PG', memberCount: 1, onlineMemberCount: 0, longTerm: null })).not.toThrow();
  });
});

describe('retention', () => {
  const day = 24 * 3600 * 1000;
  const now = new Date('2026-01-10T00:00:00Z');
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * day);

  it('lets go of points older than the range', () => {
    const points = [
      { id: 'a', createdAt: at(9) },
      { id: 'b', createdAt: at(5) },
      { id: 'c', createdAt: at(4.9) },
      { id: 'd', createdAt: at(1) },
    ];
    expect(expiredRecoveryPoints(points, 5, now)).toEqual(['a']);
    expect(expiredRecoveryPoints(points, 1, now)).toEqual(['a', 'b', 'c']);
  });

  it('always keeps the newest point', () => {
    expect(expiredRecoveryPoints([{ id: 'old', createdAt: at(100) }], 5, now)).toEqual([]);
    expect(expiredRecoveryPoints([], 5, now)).toEqual([]);
  });
});
