import { describe, expect, it } from 'vitest';
import {
  CONNECTIVITY_LOSS_LIMIT_MS,
  assertOperationAllowed,
  cloudOperations,
  connectivityFrom,
  parseSubscriptionState,
  type CloudOperation,
  type Connectivity,
  type SubscriptionState,
} from './cloud-state.js';
import { expectDomainError } from './test-support/domain-error.js';

const now = new Date('2026-11-23T12:00:00Z');
const DAY = 24 * 3_600_000;

describe('connectivityFrom', () => {
  it('is Connected when the vault answers now, whatever the last contact', () => {
    expect(connectivityFrom(undefined, true, now)).toBe('Connected');
    expect(connectivityFrom(new Date(now.getTime() - 100 * DAY), true, now)).toBe('Connected');
  });

  it('stays Connected through 15 days without contact, and is lost after', () => {
    expect(CONNECTIVITY_LOSS_LIMIT_MS).toBe(15 * DAY);
    expect(connectivityFrom(new Date(now.getTime() - 14 * DAY), false, now)).toBe('Connected');
    expect(connectivityFrom(new Date(now.getTime() - 15 * DAY), false, now)).toBe('Connected');
    expect(connectivityFrom(new Date(now.getTime() - 15 * DAY - 1), false, now)).toBe('LostMoreThan15Days');
  });

  it('counts no recorded contact as lost, and a contact in the future as connected', () => {
    expect(connectivityFrom(undefined, false, now)).toBe('LostMoreThan15Days');
    expect(connectivityFrom(new Date(Number.NaN), false, now)).toBe('LostMoreThan15Days');
    expect(connectivityFrom(new Date(now.getTime() + DAY), false, now)).toBe('Connected');
  });
});

describe('cloudOperations: the table of the seed', () => {
  // Connectivity | Subscription | Backup to vault | Backup to disk | Restore from vault | Restore from disk | vault points deleted
  const table: Array<[Connectivity, SubscriptionState, string, string, string, string, boolean]> = [
    ['Connected', 'Active', 'Allowed', 'Allowed', 'Allowed', 'Allowed', false],
    ['Connected', 'Expired', 'Stopped', 'Stopped', 'Allowed', 'Allowed', false],
    ['Connected', 'Deprovisioned', 'Stopped', 'Stopped', 'Stopped', 'Stopped', true],
    ['LostMoreThan15Days', 'Active', 'Stopped', 'Stopped', 'Allowed', 'Allowed', false],
    ['LostMoreThan15Days', 'Expired', 'Stopped', 'Stopped', 'Allowed', 'Allowed', false],
    ['LostMoreThan15Days', 'Deprovisioned', 'Stopped', 'Stopped', 'Stopped', 'Stopped', true],
  ];

  it.each(table)('%s x %s', (connectivity, subscription, backupToVault, backupToDisk, restoreFromVault, restoreFromDisk, deleted) => {
    expect(cloudOperations(connectivity, subscription)).toEqual({
      connectivity,
      subscription,
      backupToVault,
      backupToDisk,
      restoreFromVault,
      restoreFromDisk,
      vaultRecoveryPointsDeleted: deleted,
    });
  });
});

describe('assertOperationAllowed', () => {
  const all: CloudOperation[] = ['backupToVault', 'backupToDisk', 'restoreFromVault', 'restoreFromDisk'];

  it('allows everything when connected and active', () => {
    const ops = cloudOperations('Connected', 'Active');
    for (const op of all) expect(() => assertOperationAllowed(op, ops)).not.toThrow();
  });

  it('allows restores and refuses backups for an expired subscription, saying why', () => {
    const ops = cloudOperations('Connected', 'Expired');
    expect(() => assertOperationAllowed('restoreFromVault', ops)).not.toThrow();
    const e = expectDomainError(() => assertOperationAllowed('backupToDisk', ops), 'SubscriptionExpired');
    expect(e.message).toBe('Backup to disk is stopped: the subscription of the vault has expired. Backups scheduled while it is expired do not run.');
    expect(e.recommendedAction).toContain('Active again');
    expect(e.category).toBe('ResourceUnavailable');
  });

  it('says the vault recovery points are gone for a deprovisioned subscription', () => {
    const ops = cloudOperations('Connected', 'Deprovisioned');
    const e = expectDomainError(() => assertOperationAllowed('restoreFromVault', ops), 'SubscriptionDeprovisioned');
    expect(e.message).toContain('deleted when the subscription was deprovisioned');
    const disk = expectDomainError(() => assertOperationAllowed('restoreFromDisk', ops), 'SubscriptionDeprovisioned');
    expect(disk.message).not.toContain('deleted');
  });

  it('stops backups and vault reads, never disk restores, when the vault did not answer', () => {
    const ops = cloudOperations('Connected', 'Unknown');
    expect(ops).toMatchObject({ subscription: 'Unknown', backupToVault: 'Stopped', backupToDisk: 'Stopped', restoreFromVault: 'Stopped', restoreFromDisk: 'Allowed' });
    expect(() => assertOperationAllowed('restoreFromDisk', ops)).not.toThrow();
    const e = expectDomainError(() => assertOperationAllowed('backupToDisk', ops), 'SubscriptionStateUnknown');
    expect(e.message).toBe('Backup to disk is stopped: the vault did not answer, so the state of its subscription is unknown.');
    expect(e.recommendedAction).toContain('Get-DPMCloudConnection');
  });

  it('blames lost connectivity when the subscription is active', () => {
    const e = expectDomainError(() => assertOperationAllowed('backupToVault', cloudOperations('LostMoreThan15Days', 'Active')), 'CloudConnectivityLost');
    expect(e.message).toContain('more than 15 days');
    expect(e.recommendedAction).toContain('Get-DPMCloudConnection');
    expect(e.category).toBe('ConnectionError');
  });

  it('names the subscription first and mentions lost connectivity too', () => {
    const e = expectDomainError(() => assertOperationAllowed('backupToVault', cloudOperations('LostMoreThan15Days', 'Expired')), 'SubscriptionExpired');
    expect(e.message).toContain('has also not reached the vault for more than 15 days');
  });
});

describe('parseSubscriptionState', () => {
  it('reads the three states case-insensitively and refuses others', () => {
    expect(parseSubscriptionState('active')).toBe('Active');
    expect(parseSubscriptionState('EXPIRED')).toBe('Expired');
    expect(parseSubscriptionState('Deprovisioned')).toBe('Deprovisioned');
    expectDomainError(() => parseSubscriptionState('Suspended'), 'InvalidSubscriptionState');
  });
});
