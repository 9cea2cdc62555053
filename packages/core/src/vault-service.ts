/**
 * The vault service's own rules: resource groups, server identities, registration challenges, and
 * what stops a vault from being found or deleted.
 */
import { DomainError } from './errors.js';

/** How long a registration challenge may be answered. */
export const REGISTRATION_CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;

/** The resource group a vault is placed in when none is given; it only shapes the ResourceId. */
export const DEFAULT_RESOURCE_GROUP = 'dpmsh';

// Azure's rule for resource group names: 1-90 characters, letters, digits, underscores,
// hyphens, periods and parentheses, not ending in a period.
const RESOURCE_GROUP_NAME = /^[\p{L}\p{N}_\-.()]{1,90}$/u;

/** Checks a resource group name the way Azure does and returns it. */
export function validateResourceGroupName(name: string): string {
  if (!RESOURCE_GROUP_NAME.test(name) || name.endsWith('.')) {
    throw new DomainError({
      id: 'InvalidResourceGroupName',
      category: 'InvalidArgument',
      message: `The resource group name '${name}' is not valid: it has 1 to 90 characters, letters, digits, underscores, hyphens, periods and parentheses, and does not end with a period.`,
      recommendedAction: `Choose a name that follows these rules, or leave it out to use '${DEFAULT_RESOURCE_GROUP}'.`,
      target: name,
    });
  }
  return name;
}

/** The Azure-shaped resource id of a vault. */
export function vaultResourceId(vault: { subscriptionId: string; resourceGroupName: string; name: string }): string {
  return `/subscriptions/${vault.subscriptionId}/resourceGroups/${vault.resourceGroupName}/providers/Microsoft.RecoveryServices/vaults/${vault.name}`;
}

/** Checks the name a server registers under (what the vault lists it as) and returns it trimmed. */
export function validateServerName(name: string): string {
  const trimmed = name.trim();
  // 255 is the longest DNS name, the longest thing a server could reasonably be called.
  if (trimmed.length === 0 || trimmed.length > 255 || /[\p{Cc}]/u.test(trimmed)) {
    throw new DomainError({
      id: 'InvalidServerName',
      category: 'InvalidArgument',
      message: `The server name '${name}' is not valid: it must have 1 to 255 characters and no control characters.`,
      recommendedAction: "Register with the server's host name.",
      target: name,
    });
  }
  return trimmed;
}

/** Checks the id a server registers again under: 1 to 128 printable ASCII characters (a GUID when the vault assigned it). */
export function validateServerId(serverId: string): string {
  if (!/^[\x21-\x7e]{1,128}$/.test(serverId)) {
    throw new DomainError({
      id: 'InvalidServerId',
      category: 'InvalidArgument',
      message: `The server id '${serverId}' is not valid: it must have 1 to 128 printable ASCII characters without spaces.`,
      recommendedAction: 'Register again without a server id to get a new one, or use the id the vault assigned.',
      target: serverId,
    });
  }
  return serverId;
}

/** A vault name that matches no vault of the subscription. */
export function vaultNotFoundError(name: string): DomainError {
  return new DomainError({
    id: 'VaultNotFound',
    category: 'ObjectNotFound',
    message: `No vault named '${name}' exists in this subscription.`,
    recommendedAction: 'Check the name with Get-BackupVault, or create the vault with New-BackupVault.',
    target: name,
  });
}

/** A vault cannot be removed while servers are registered to it. */
export function vaultHasRegisteredServersError(name: string, serverCount: number): DomainError {
  return new DomainError({
    id: 'VaultHasRegisteredServers',
    category: 'InvalidOperation',
    message: `The vault '${name}' cannot be deleted because ${serverCount} server${serverCount === 1 ? ' is' : 's are'} registered to it.`,
    recommendedAction: 'Unregister every server from the vault first, then delete it.',
    target: name,
  });
}

/** Why a registration challenge was not accepted. */
export type ChallengeProblem = 'unknown' | 'used' | 'expired';

/** A registration challenge that does not exist, was already answered, or is too old. */
export function registrationChallengeError(problem: ChallengeProblem): DomainError {
  const action = 'Start the registration again with the same vault credentials file.';
  if (problem === 'expired') {
    const why = `it expired (a challenge must be answered within ${REGISTRATION_CHALLENGE_LIFETIME_MS / 60000} minutes)`;
    return new DomainError({
      id: 'RegistrationChallengeExpired',
      category: 'OperationTimeout',
      message: `The registration could not be completed: the vault's challenge is not valid because ${why}.`,
      recommendedAction: action,
      reason: why,
    });
  }
  const why = problem === 'used' ? 'it has already been used' : 'the vault did not issue it';
  return new DomainError({
    id: 'RegistrationChallengeInvalid',
    category: 'InvalidOperation',
    message: `The registration could not be completed: the vault's challenge is not valid because ${why}.`,
    recommendedAction: action,
    reason: why,
  });
}

/** The signature over a registration challenge does not verify with the credential's certificate. */
export function possessionNotProvenError(): DomainError {
  return new DomainError({
    id: 'CredentialPossessionNotProven',
    category: 'AuthenticationError',
    message:
      'The registration could not be completed: the server did not prove that it holds the private key of the vault credentials.',
    recommendedAction: 'Register with the vault credentials file itself, unmodified; if it still fails, download a new one.',
  });
}
