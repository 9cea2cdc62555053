/** The plain data the protection use cases take and return. */
import type { LongTermProtection, ShortTermProtection } from '@dpmsh/core';
import type { DataSourceInfo, OverwritePolicy } from '@dpmsh/sdk';

/** Where a recovery point is kept. */
export type RecoveryPointLocation = 'Disk' | 'Online';

/** DPM's backup types: an express full reads everything; an incremental reads what changed. */
export type BackupType = 'ExpressFull' | 'Incremental';

/** A folder added as disk storage, with its volume's capacity now (null when it is missing). */
export interface DiskStorage {
  readonly id: string;
  readonly path: string;
  readonly addedAt: Date;
  readonly capacityBytes: number | null;
  readonly freeBytes: number | null;
  readonly status: 'Healthy' | 'Missing';
}

/** A data source a plugin found, and whether a saved group protects it. */
export interface Datasource {
  /** Stable for the plugin and the plugin's own id of the data source. */
  readonly datasourceId: string;
  readonly plugin: string;
  readonly workload: string;
  readonly source: DataSourceInfo;
  /** The saved protection group protecting it, or null. */
  readonly protectionGroup: string | null;
  readonly online: boolean;
}

/** A data source named by the plugin that found it and the plugin's id of it. */
export interface DatasourceRef {
  readonly plugin: string;
  readonly sourceId: string;
}

/** A member of a protection group. */
export interface ProtectionGroupMember {
  readonly datasourceId: string;
  readonly plugin: string;
  readonly workload: string;
  readonly source: DataSourceInfo;
  /** Added with -Online: a copy goes to the vault. */
  readonly online: boolean;
}

/** A protection group's policy. */
export interface ProtectionPolicy {
  readonly shortTerm: ShortTermProtection;
  readonly longTerm: LongTermProtection | null;
  /** Days disk recovery points are kept. */
  readonly retentionDays: number;
  readonly syncFrequencyMinutes: number;
  /** Days vault recovery points are kept. */
  readonly onlineRetentionDays: number;
}

/** A saved protection group. */
export interface ProtectionGroup extends ProtectionPolicy {
  readonly id: string;
  readonly name: string;
  readonly createdAt: Date;
  readonly modifiedAt: Date;
  readonly members: readonly ProtectionGroupMember[];
}

/** A protection group being made or changed; nothing of it is saved until Set-DPMProtectionGroup. */
export interface ModifiableProtectionGroup extends ProtectionPolicy {
  /** This draft's id in the server's memory. */
  readonly draftId: string;
  /** The saved group it changes, or null for a new group. */
  readonly groupId: string | null;
  readonly name: string;
  readonly members: readonly ProtectionGroupMember[];
}

/** A recovery point. */
export interface RecoveryPoint {
  readonly id: string;
  readonly datasourceId: string;
  readonly datasourceName: string;
  readonly plugin: string;
  /** The data source as the plugin described it at backup time. */
  readonly source: DataSourceInfo;
  readonly location: RecoveryPointLocation;
  readonly diskId: string | null;
  readonly snapshotId: string;
  /** The point in time it represents. */
  readonly createdAt: Date;
  readonly backupType: BackupType;
  readonly sizeBytes: number;
  readonly files: number;
}

/** What a job did. */
export type JobType = 'Backup' | 'Restore' | 'Verify' | 'Repair';
/** How a job ended, or that it runs. */
export type JobStatus = 'InProgress' | 'Succeeded' | 'Failed' | 'Cancelled';

/** A backup, restore, verify or repair job. */
export interface Job {
  readonly id: string;
  readonly type: JobType;
  readonly location: RecoveryPointLocation;
  readonly datasourceId: string | null;
  readonly datasourceName: string | null;
  readonly recoveryPointId: string | null;
  readonly status: JobStatus;
  readonly startedAt: Date;
  readonly endedAt: Date | null;
  readonly bytes: number;
  readonly files: number;
  readonly errorId: string | null;
  readonly errorMessage: string | null;
}

/** Which jobs to list. */
export interface JobFilter {
  readonly status?: JobStatus;
  readonly type?: JobType;
  readonly datasourceId?: string;
  readonly from?: Date;
  readonly to?: Date;
}

/** Where and how a restore writes. */
export interface RecoveryOptions {
  /** 'original': where the data source is; otherwise the folder to restore under. */
  readonly target: 'original' | { readonly alternatePath: string };
  readonly overwrite: OverwritePolicy;
  /** Entry paths to restore; the whole recovery point when absent. */
  readonly items?: readonly string[];
}

/** What verify found. */
export interface VerifyResult {
  readonly recoveryPoint: RecoveryPoint;
  readonly ok: boolean;
  readonly bytesChecked: number;
  readonly problems: readonly string[];
  readonly job: Job;
}

/** An entry of a recovery point, for choosing items to restore. */
export interface RecoverableItem {
  readonly recoveryPointId: string;
  readonly path: string;
  readonly type: 'directory' | 'file' | 'stream';
  readonly size: number;
  readonly modified: Date;
}
