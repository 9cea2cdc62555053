/**
 * The one error type of the domain. A rule that refuses something throws a DomainError: a user's
 * mistake or a refused operation, never a bug. The shell shows it without a stack, keyed by `id`.
 */

/**
 * PowerShell's ErrorCategory names (System.Management.Automation.ErrorCategory), in the enum's
 * order: an index here is the category's numeric value.
 */
export const ERROR_CATEGORIES = [
  'NotSpecified',
  'OpenError',
  'CloseError',
  'DeviceError',
  'DeadlockDetected',
  'InvalidArgument',
  'InvalidData',
  'InvalidOperation',
  'InvalidResult',
  'InvalidType',
  'MetadataError',
  'NotImplemented',
  'NotInstalled',
  'ObjectNotFound',
  'OperationStopped',
  'OperationTimeout',
  'SyntaxError',
  'ParserError',
  'PermissionDenied',
  'ResourceBusy',
  'ResourceExists',
  'ResourceUnavailable',
  'ReadError',
  'WriteError',
  'FromStdErr',
  'SecurityError',
  'ProtocolError',
  'ConnectionError',
  'AuthenticationError',
  'LimitsExceeded',
  'QuotaExceeded',
  'NotEnabled',
] as const;

/** One of PowerShell's ErrorCategory names. */
export type ErrorCategory = (typeof ERROR_CATEGORIES)[number];

/** Every id this package throws; stable across releases, so scripts and tests may match on them. */
export const DOMAIN_ERROR_IDS = [
  // vaults
  'InvalidVaultName',
  'VaultAlreadyExists',
  'InvalidRegion',
  'InvalidStorageRedundancy',
  'StorageRedundancyLocked',
  'VaultNotFound',
  'VaultHasRegisteredServers',
  'InvalidResourceGroupName',
  'InvalidServerName',
  'InvalidServerId',
  'RegistrationChallengeInvalid',
  'RegistrationChallengeExpired',
  'CredentialPossessionNotProven',
  // vault credentials
  'VaultCredentialsExpired',
  'VaultCredentialsNotYetValid',
  'VaultCredentialsInvalid',
  'VaultCredentialsUnreadable',
  'VaultCredentialsForAnotherVault',
  // registration
  'PassphraseTooShort',
  'PassphraseNotPrintableAscii',
  'InvalidByteCount',
  'InsufficientScratchSpace',
  'InvalidProxyServer',
  'InvalidProxyPort',
  'ProxyPasswordMissing',
  'ProxyUsernameMissing',
  'RecoveryFolderUnusable',
  'ScratchLocationUnusable',
  'ServerNotRegistered',
  'EncryptionPassphraseNotSet',
  // throttling
  'InvalidDayOfWeek',
  'AmbiguousDayOfWeek',
  'InvalidTimeOfDay',
  'NoWorkDays',
  'DuplicateWorkDay',
  'InvalidWorkHours',
  'BandwidthOutOfRange',
  // cloud state
  'InvalidSubscriptionState',
  'SubscriptionDeprovisioned',
  'SubscriptionExpired',
  'SubscriptionStateUnknown',
  'CloudConnectivityLost',
  // protection
  'DatasourceTooLarge',
  'InvalidSyncFrequency',
  'RetentionOutOfRange',
  'NoDiskStorage',
  'InvalidProtectionGroupName',
  'ProtectionGroupEmpty',
  'OnlineProtectionNotSelected',
] as const;

/** One of the ids in DOMAIN_ERROR_IDS. */
export type DomainErrorId = (typeof DOMAIN_ERROR_IDS)[number];

/** What a DomainError is made of. */
export interface DomainErrorInit {
  /** Stable PascalCase id, e.g. 'VaultCredentialsExpired'. */
  readonly id: string;
  /** The documented text; shown to the user as is. */
  readonly message: string;
  readonly category: ErrorCategory;
  /** Who must act and how. */
  readonly recommendedAction: string;
  /** Microsoft's numeric ID where one is documented (34513, 34528, 100110). */
  readonly code?: number;
  /** The value the error is about (a name, a number); never a secret. */
  readonly target?: unknown;
  /** A technical detail for verbose output, kept out of the documented message. */
  readonly reason?: string;
}

/** A refusal by a domain rule: stable id, documented message, category and recommended action. */
export class DomainError extends Error {
  /** Stable PascalCase id. */
  readonly id: string;
  // The optional fields are declared, not defined, so an error without them has no such own
  // property (a formatted error record then shows no empty Code or Target line).
  /** Microsoft's numeric ID where documented. */
  declare readonly code?: number;
  /** PowerShell error category. */
  readonly category: ErrorCategory;
  /** Who must act and how. */
  readonly recommendedAction: string;
  /** The value the error is about. */
  declare readonly target?: unknown;
  /** A technical detail kept out of the message. */
  declare readonly reason?: string;

  constructor(init: DomainErrorInit) {
    super(init.message);
    this.name = 'DomainError';
    this.id = init.id;
    this.category = init.category;
    this.recommendedAction = init.recommendedAction;
    if (init.code !== undefined) this.code = init.code;
    if (init.target !== undefined) this.target = init.target;
    if (init.reason !== undefined) this.reason = init.reason;
  }
}

/** True when `value` is a DomainError, optionally with the given id. */
export function isDomainError(value: unknown, id?: string): value is DomainError {
  return value instanceof DomainError && (id === undefined || value.id === id);
}
