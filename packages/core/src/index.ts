/**
 * @dpmsh/core: the rules of the seeds as pure functions and types. No I/O, no clock (time is a
 * parameter), no process state. Every refusal is a DomainError with a stable id.
 */

export {
  DomainError,
  DOMAIN_ERROR_IDS,
  ERROR_CATEGORIES,
  isDomainError,
  type DomainErrorId,
  type DomainErrorInit,
  type ErrorCategory,
} from './errors.js';

export { GB, formatBytes, assertByteCount } from './bytes.js';

export {
  VAULT_NAME_MIN_LENGTH,
  VAULT_NAME_MAX_LENGTH,
  validateVaultName,
  assertVaultNameAvailable,
  STORAGE_REDUNDANCIES,
  DEFAULT_STORAGE_REDUNDANCY,
  parseStorageRedundancy,
  assertRedundancyChangeAllowed,
  type StorageRedundancy,
  type RedundancyChangeSubject,
} from './vault.js';

export {
  REGISTRATION_CHALLENGE_LIFETIME_MS,
  DEFAULT_RESOURCE_GROUP,
  validateResourceGroupName,
  vaultResourceId,
  validateServerName,
  validateServerId,
  vaultNotFoundError,
  vaultHasRegisteredServersError,
  registrationChallengeError,
  possessionNotProvenError,
  type ChallengeProblem,
} from './vault-service.js';

export { AZURE_REGIONS, findRegion, sameRegion, normalizeRegion, type AzureRegion } from './regions.js';

export {
  CREDENTIAL_LIFETIME_MS,
  CREDENTIAL_BACKDATE_MS,
  INVALID_CREDENTIALS_CODE,
  UNREADABLE_CREDENTIALS_CODE,
  ANOTHER_VAULT_CODE,
  credentialValidity,
  checkCredential,
  assertNotRegisteredElsewhere,
  expiredCredentialsError,
  notYetValidCredentialsError,
  invalidCredentialsError,
  unreadableCredentialsError,
  credentialFileName,
  type Validity,
  type PresentedCredential,
  type CredentialCheckContext,
} from './credentials.js';

export {
  VAULT_CREDENTIALS_ROOT_ELEMENT,
  VAULT_CREDENTIALS_NAMESPACE,
  VAULT_CREDENTIALS_VERSION,
  VAULT_RESOURCE_TYPE,
  VAULT_PROVIDER_NAMESPACE,
  serializeVaultCredentials,
  parseVaultCredentials,
  managementCertBytes,
  vaultResourceNumber,
  type VaultCredentialFields,
} from './credential-file.js';

export {
  MIN_PASSPHRASE_LENGTH,
  SCRATCH_PERCENT,
  validatePassphrase,
  requiredScratchBytes,
  validateScratchSpace,
  validateProxy,
  unusableFolderError,
  notRegisteredError,
  passphraseNotSetError,
  assertReadyForOnlineBackup,
  type ProxyInput,
  type ProxySettings,
  type FolderRole,
} from './registration.js';

export {
  DAYS_OF_WEEK,
  MS_PER_DAY,
  dayOfWeekNumber,
  dayOfWeekFromNumber,
  parseDayOfWeek,
  localTimeOf,
  type DayOfWeek,
  type LocalTime,
} from './days.js';

export { parseTimeOfDay, formatTimeOfDay } from './time-of-day.js';

export {
  MIN_BANDWIDTH_BPS,
  MAX_BANDWIDTH_BPS,
  NO_THROTTLING,
  formatBandwidth,
  validateThrottling,
  isWorkHour,
  bandwidthAt,
  nextRateChange,
  type ThrottlingSchedule,
  type EnabledThrottlingSchedule,
} from './throttling.js';

export {
  SUBSCRIPTION_STATES,
  CONNECTIVITY_LOSS_LIMIT_MS,
  parseSubscriptionState,
  connectivityFrom,
  cloudOperations,
  assertOperationAllowed,
  type Connectivity,
  type SubscriptionState,
  type ObservedSubscriptionState,
  type OperationState,
  type CloudOperation,
  type CloudOperations,
} from './cloud-state.js';

export {
  MAX_DATASOURCE_BYTES,
  assertDatasourceSize,
  SYNC_FREQUENCIES_MINUTES,
  validateSyncFrequency,
  RETENTION_DAYS,
  validateRetentionDays,
  datasourceIdOf,
  type RetentionTarget,
} from './protection.js';

export {
  classifyFileForBackup,
  type FileKind,
  type FileFacts,
  type FileSkipReason,
  type FileTreatment,
  type FileBackupDecision,
} from './file-types.js';

export {
  SHORT_TERM_PROTECTION,
  LONG_TERM_PROTECTION,
  MAX_PROTECTION_GROUP_NAME_LENGTH,
  assertDiskStorageAvailable,
  validateProtectionGroupName,
  validateProtectionPlan,
  type ShortTermProtection,
  type LongTermProtection,
  type ProtectionPlan,
} from './protection-group.js';

export { expiredRecoveryPoints, type RetainedPoint } from './retention.js';

export { RETRY_AFTER_FAILURE_MINUTES, nextBackupDue, isBackupDue, type ScheduledSource } from './schedule.js';

export { approvedVerb, approvedVerbs, type ApprovedVerb, type VerbGroup } from './verbs.js';

/** The entry shapes the plugin contract and the backup engine share. */
export type * from './entries.js';
