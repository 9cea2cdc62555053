/**
 * Vault credentials: a certificate valid for 48 hours from its issue (with 10 minutes of slack
 * before, for clocks that run behind), of which only the newest issued for a vault is valid.
 */
import { DomainError } from './errors.js';

/** How long vault credentials stay valid after they are issued: 48 hours. */
export const CREDENTIAL_LIFETIME_MS = 48 * 60 * 60 * 1000;
/** How long before its issue a credential is already valid, so a slow clock still accepts it. */
export const CREDENTIAL_BACKDATE_MS = 10 * 60 * 1000;

/** Microsoft's ID for invalid or superseded vault credentials. */
export const INVALID_CREDENTIALS_CODE = 34513;
/** Microsoft's ID for a vault credentials file that cannot be read. */
export const UNREADABLE_CREDENTIALS_CODE = 34528;
/** Microsoft's ID for vault credentials of another vault than the one the server is registered to. */
export const ANOTHER_VAULT_CODE = 100110;

/** The validity window of a certificate. */
export interface Validity {
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** The validity of credentials issued at `issuedAt`: from 10 minutes before to 48 hours after. */
export function credentialValidity(issuedAt: Date): Validity {
  const t = issuedAt.getTime();
  return { notBefore: new Date(t - CREDENTIAL_BACKDATE_MS), notAfter: new Date(t + CREDENTIAL_LIFETIME_MS) };
}

/** What a presented credential says about itself (read from its file and certificate). */
export interface PresentedCredential {
  /** The vault the credential was issued for. */
  readonly vaultId: string;
  /** SHA-1 thumbprint of its certificate, hex. */
  readonly thumbprint: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** What the vault and the server know when a credential is presented. */
export interface CredentialCheckContext {
  /** Thumbprint of the newest credential the vault issued for `vaultId`; undefined if none. */
  readonly newestThumbprint: string | undefined;
  readonly now: Date;
  /** The vault this server is registered to, if it is registered. */
  readonly registeredVaultId?: string;
}

/**
 * Accepts a credential or throws why not, in this order: another vault than the server's
 * (100110), expired, not yet valid, not the newest or malformed (34513). Expiry is checked
 * before newest-only because "download a new file" is the more useful advice for an old file.
 * The window is inclusive at both ends: valid at exactly notBefore and at exactly notAfter.
 */
export function checkCredential(input: PresentedCredential, context: CredentialCheckContext): void {
  if (context.registeredVaultId !== undefined) {
    assertNotRegisteredElsewhere({ vaultId: context.registeredVaultId }, input.vaultId);
  }
  const notBefore = input.notBefore.getTime();
  const notAfter = input.notAfter.getTime();
  const now = context.now.getTime();
  if (Number.isNaN(notBefore) || Number.isNaN(notAfter) || notBefore > notAfter || input.thumbprint.trim() === '') {
    throw invalidCredentialsError('the certificate has no valid validity period or thumbprint');
  }
  if (now > notAfter) throw expiredCredentialsError(input.notAfter);
  if (now < notBefore) throw notYetValidCredentialsError(input.notBefore);
  if (
    context.newestThumbprint === undefined ||
    context.newestThumbprint.toLowerCase() !== input.thumbprint.trim().toLowerCase()
  ) {
    throw invalidCredentialsError(
      context.newestThumbprint === undefined
        ? 'the vault has not issued these credentials'
        : 'newer credentials have been issued for this vault',
    );
  }
}

/**
 * Refuses to register a server to a vault while it is registered to another one; registering
 * again to the same vault is allowed (to renew its certificate).
 */
export function assertNotRegisteredElsewhere(current: { readonly vaultId: string } | undefined, requestedVaultId: string): void {
  if (current === undefined || current.vaultId === requestedVaultId) return;
  throw new DomainError({
    id: 'VaultCredentialsForAnotherVault',
    code: ANOTHER_VAULT_CODE,
    category: 'InvalidOperation',
    message: `The vault credentials provided belong to a vault other than the one this server is registered to. (ID: ${ANOTHER_VAULT_CODE})`,
    recommendedAction:
      'Download vault credentials from the vault this server is registered to and use them. A server is registered to one vault at a time: to move it to another vault, unregister it first.',
    target: requestedVaultId,
    reason: `registered to vault ${current.vaultId}, credentials are for vault ${requestedVaultId}`,
  });
}

/** The documented error for expired vault credentials. */
export function expiredCredentialsError(notAfter: Date): DomainError {
  return new DomainError({
    id: 'VaultCredentialsExpired',
    category: 'InvalidData',
    message:
      'Vault credentials file provided has expired. We recommend you download a new vault credentials file from the portal and use it within 2 days.',
    recommendedAction: 'Download a new vault credentials file (Get-VaultCredential) and register within 48 hours.',
    reason: `the credentials expired at ${notAfter.toISOString()}`,
  });
}

/** The error for credentials presented before their validity starts (a clock behind by more than 10 minutes). */
export function notYetValidCredentialsError(notBefore: Date): DomainError {
  return new DomainError({
    id: 'VaultCredentialsNotYetValid',
    category: 'InvalidData',
    message: `Vault credentials file provided is not valid yet: it becomes valid at ${notBefore.toISOString()}.`,
    recommendedAction: "Check that this server's clock and time zone are correct, then retry; or wait until the time shown.",
    reason: `not valid before ${notBefore.toISOString()}`,
  });
}

/** The documented error (ID 34513) for corrupted or superseded vault credentials. */
export function invalidCredentialsError(reason?: string): DomainError {
  return new DomainError({
    id: 'VaultCredentialsInvalid',
    code: INVALID_CREDENTIALS_CODE,
    category: 'InvalidData',
    message: `Invalid vault credentials provided. The file is either corrupted or does not have the latest credentials associated with recovery service. (ID: ${INVALID_CREDENTIALS_CODE})`,
    recommendedAction:
      'Download a new vault credentials file and retry with it. Only the newest file is valid: if you downloaded twice, use the second file.',
    ...(reason === undefined ? {} : { reason }),
  });
}

/** The documented error (ID 34528) for a vault credentials file that cannot be read. */
export function unreadableCredentialsError(reason?: string): DomainError {
  return new DomainError({
    id: 'VaultCredentialsUnreadable',
    code: UNREADABLE_CREDENTIALS_CODE,
    category: 'ReadError',
    message: `Unable to read the vault credentials file provided. (ID: ${UNREADABLE_CREDENTIALS_CODE})`,
    recommendedAction:
      'Copy the vault credentials file to a local folder this server can read and retry; if it still fails, download a new vault credentials file.',
    ...(reason === undefined ? {} : { reason }),
  });
}

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `<vault>_<ddd MMM dd yyyy>.VaultCredentials` for credentials issued at `issuedAt`, in the
 * server's local time (the date the user sees on their calendar; Azure's cmdlet uses UTC).
 */
export function credentialFileName(vaultName: string, issuedAt: Date): string {
  const day = DAY_NAMES[issuedAt.getDay()];
  const month = MONTH_NAMES[issuedAt.getMonth()];
  const date = String(issuedAt.getDate()).padStart(2, '0');
  const year = String(issuedAt.getFullYear()).padStart(4, '0');
  return `${vaultName}_${day} ${month} ${date} ${year}.VaultCredentials`;
}
