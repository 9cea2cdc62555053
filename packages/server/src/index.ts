export { ProtectionServer } from './server.js';
export type { ServerOptions } from './server.js';
export type { KeyProtection } from './keys/key-store.js';
export type { Registration, RegisterRequest } from './cloud/registration.js';
export type { SettingsChange } from './cloud/settings-change.js';
export type { ServerSettings } from './cloud/settings.js';
export type { CloudStatus } from './cloud/status.js';
export type { CredentialFile } from './cloud/vaults.js';
export type { SubscriptionRecord, VaultRecord } from '@dpmsh/vault';
export type { DataSourceInfo, OverwritePolicy, RestoreResult } from '@dpmsh/sdk';
export type { ProtectionGroups, PolicyChange } from './protection/groups.js';
export type { DatasourceDirectory } from './protection/datasources.js';
export type { RecoveryPointFilter } from './protection/recovery-points.js';
export type { BackupRequest, BackupResult } from './protection/backup.js';
export type { RestoreOutcome, RestoreRequest } from './protection/restore.js';
export type { RepairRequest, RepairResult } from './protection/repair.js';
export type { ScheduledRun } from './protection/scheduler.js';
export type { OperationProgress, ProgressActivity, ProgressListener } from './protection/progress.js';
export type { OperationOutput } from './plugins/plugin-context.js';
export { DEFAULT_PLUGINS, type PluginLoadFailure } from './plugins/plugin-host.js';
export { DEFAULT_POLICY } from './protection/groups.js';
export { ONLINE_FREQUENCY_MINUTES } from './protection/scheduler.js';
export { vaultBackend } from './storage/vault-backend.js';
export { DISK_REPOSITORY_FOLDER } from './storage/repositories.js';
export type {
  BackupType,
  Datasource,
  DatasourceRef,
  DiskStorage,
  Job,
  JobFilter,
  JobStatus,
  JobType,
  ModifiableProtectionGroup,
  ProtectionGroup,
  ProtectionGroupMember,
  ProtectionPolicy,
  RecoverableItem,
  RecoveryOptions,
  RecoveryPoint,
  RecoveryPointLocation,
  VerifyResult,
} from './model/types.js';
