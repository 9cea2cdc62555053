import { describe, expect, it } from 'vitest';
import {
  CREDENTIAL_LIFETIME_MS,
  assertNotRegisteredElsewhere,
  checkCredential,
  credentialFileName,
  credentialValidity,
  unreadableCredentialsError,
  type PresentedCredential,
} from './credentials.js';
import { expectDomainError } from './test-support/domain-error.js';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const issuedAt = new Date('2026-11-23T10:00:00.000Z');
const { notBefore, notAfter } = credentialValidity(issuedAt);
const presented: PresentedCredential = { vaultId: 'vault-1', thumbprint: 'AB12CD', notBefore, notAfter };
const at = (offsetMs: number): Date => new Date(issuedAt.getTime() + offsetMs);

const EXPIRED_TEXT =
  'Vault credentials file provided has expired. We recommend you download a new vault credentials file from the portal and use it within 2 days.';
const INVALID_TEXT =
  'Invalid vault credentials provided. The file is either corrupted or does not have the latest credentials associated with recovery service. (ID: 34513)';

describe('credentialValidity', () => {
  it('runs from 10 minutes before issue to 48 hours after', () => {
    expect(notBefore.toISOString()).toBe('2026-11-23T09:50:00.000Z');
    expect(notAfter.toISOString()).toBe('2026-11-25T10:00:00.000Z');
    expect(CREDENTIAL_LIFETIME_MS).toBe(48 * HOUR);
  });
});

describe('checkCredential', () => {
  const context = (now: Date) => ({ newestThumbprint: 'AB12CD', now });

  it('accepts the newest credential inside its window, inclusive at both ends', () => {
    for (const now of [at(0), at(48 * HOUR - MINUTE), at(-10 * MINUTE), at(48 * HOUR)]) {
      expect(() => checkCredential(presented, context(now))).not.toThrow();
    }
  });

  it('refuses a credential a minute past 48 hours with the documented text', () => {
    const e = expectDomainError(() => checkCredential(presented, context(at(48 * HOUR + MINUTE))), 'VaultCredentialsExpired');
    expect(e.message).toBe(EXPIRED_TEXT);
    expect(e.recommendedAction).toContain('Download a new vault credentials file');
    expectDomainError(() => checkCredential(presented, context(at(48 * HOUR + 1))), 'VaultCredentialsExpired');
  });

  it('refuses a credential before issue minus 10 minutes', () => {
    const e = expectDomainError(() => checkCredential(presented, context(at(-10 * MINUTE - 1))), 'VaultCredentialsNotYetValid');
    expect(e.message).toContain('2026-11-23T09:50:00.000Z');
    expect(e.recommendedAction).toContain('clock');
  });

  it('refuses a credential that is not the newest with ID 34513', () => {
    const e = expectDomainError(
      () => checkCredential(presented, { newestThumbprint: 'FFFF', now: at(HOUR) }),
      'VaultCredentialsInvalid',
    );
    expect(e.message).toBe(INVALID_TEXT);
    expect(e.code).toBe(34513);
    expect(e.reason).toContain('newer credentials');
  });

  it('refuses a credential the vault never issued with ID 34513', () => {
    const e = expectDomainError(() => checkCredential(presented, { newestThumbprint: undefined, now: at(HOUR) }), 'VaultCredentialsInvalid');
    expect(e.code).toBe(34513);
  });

  it('compares thumbprints case-insensitively', () => {
    expect(() => checkCredential({ ...presented, thumbprint: 'ab12cd' }, context(at(HOUR)))).not.toThrow();
  });

  it('refuses a malformed validity or an empty thumbprint with ID 34513', () => {
    expectDomainError(() => checkCredential({ ...presented, notAfter: new Date(Number.NaN) }, context(at(HOUR))), 'VaultCredentialsInvalid');
    expectDomainError(() => checkCredential({ ...presented, notBefore: at(49 * HOUR) }, context(at(HOUR))), 'VaultCredentialsInvalid');
    expectDomainError(() => checkCredential({ ...presented, thumbprint: ' ' }, context(at(HOUR))), 'VaultCredentialsInvalid');
  });

  it('reports an expired file as expired even when it is also superseded', () => {
    expectDomainError(
      () => checkCredential(presented, { newestThumbprint: 'FFFF', now: at(49 * HOUR) }),
      'VaultCredentialsExpired',
    );
  });

  it('refuses credentials of another vault than the registered one with ID 100110, before anything else', () => {
    const e = expectDomainError(
      () => checkCredential(presented, { newestThumbprint: undefined, now: at(49 * HOUR), registeredVaultId: 'vault-0' }),
      'VaultCredentialsForAnotherVault',
    );
    expect(e.code).toBe(100110);
    expect(e.message).toContain('(ID: 100110)');
    expect(e.message).toContain('registered to');
  });

  it('accepts credentials of the vault the server is already registered to', () => {
    expect(() => checkCredential(presented, { ...context(at(HOUR)), registeredVaultId: 'vault-1' })).not.toThrow();
  });
});

describe('assertNotRegisteredElsewhere', () => {
  it('allows a first registration and a re-registration to the same vault', () => {
    expect(() => assertNotRegisteredElsewhere(undefined, 'v1')).not.toThrow();
    expect(() => assertNotRegisteredElsewhere({ vaultId: 'v1' }, 'v1')).not.toThrow();
  });

  it('refuses another vault while registered (one vault at a time)', () => {
    const e = expectDomainError(() => assertNotRegisteredElsewhere({ vaultId: 'v1' }, 'v2'), 'VaultCredentialsForAnotherVault');
    expect(e.recommendedAction).toContain('one vault at a time');
    expect(e.category).toBe('InvalidOperation');
  });
});

describe('unreadableCredentialsError', () => {
  it('has the documented text and ID 34528, keeping the detail out of the message', () => {
    const e = unreadableCredentialsError('EACCES');
    expect(e.message).toBe('Unable to read the vault credentials file provided. (ID: 34528)');
    expect(e.code).toBe(34528);
    expect(e.id).toBe('VaultCredentialsUnreadable');
    expect(e.reason).toBe('EACCES');
    expect(e.recommendedAction).toContain('Copy the vault credentials file');
  });
});

describe('credentialFileName', () => {
  it('is <vault>_<ddd MMM dd yyyy>.VaultCredentials in local time', () => {
    expect(credentialFileName('testvault', new Date(2026, 10, 23, 12, 0))).toBe('testvault_Mon Nov 23 2026.VaultCredentials');
    expect(credentialFileName('contoso-vault', new Date(2026, 0, 5, 0, 0))).toBe('contoso-vault_Mon Jan 05 2026.VaultCredentials');
    expect(credentialFileName('v', new Date(2027, 11, 31, 23, 59, 59))).toBe('v_Fri Dec 31 2027.VaultCredentials');
  });

  it('matches the pattern the acceptance scripts expect', () => {
    expect(credentialFileName('testvault', new Date(2026, 5, 7))).toMatch(
      /^testvault_(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d\d \d{4}\.VaultCredentials$/,
    );
  });
});
