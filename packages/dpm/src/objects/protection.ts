/**
 * The objects the protection cmdlets output, shaped like DPM's (a recovery point has
 * RepresentedPointInTime, Location and BackupType; a job JobType, Status, StartTime and EndTime;
 * a protection group FriendlyName and ProtectionMethod).
 */
import { formatBytes } from '@dpmsh/core';
import type {
  Datasource,
  DiskStorage,
  Job,
  ModifiableProtectionGroup,
  ProtectionGroup,
  ProtectionGroupMember,
  ProtectionPolicy,
  ProtectionServer,
  RecoverableItem,
  RecoveryPoint,
  ScheduledRun,
  VerifyResult,
} from '@dpmsh/server';
import { CUSTOM_OBJECT_TYPE_NAMES, PSDateTime, PSObject } from '@dpmsh/runtime';

/** Type names of the protection objects. */
export const PROTECTION_TYPES = {
  disk: 'Dpmsh.DiskStorage',
  productionServer: 'Dpmsh.ProductionServer',
  datasource: 'Dpmsh.Datasource',
  protectionGroup: 'Dpmsh.ProtectionGroup',
  modifiableGroup: 'Dpmsh.ModifiableProtectionGroup',
  recoveryPoint: 'Dpmsh.RecoveryPoint',
  recoverableItem: 'Dpmsh.RecoverableItem',
  recoveryOption: 'Dpmsh.RecoveryOption',
  restoreResult: 'Dpmsh.RestoreResult',
  verifyResult: 'Dpmsh.RecoveryPointVerification',
  job: 'Dpmsh.Job',
  scheduledRun: 'Dpmsh.ScheduledBackup',
} as const;

function object(typeName: string, data: Record<string, unknown>): PSObject {
  const o = new PSObject([typeName, ...CUSTOM_OBJECT_TYPE_NAMES]);
  for (const [k, v] of Object.entries(data)) o.addNote(k, v);
  return o;
}

const date = (d: Date | null): PSDateTime | null => (d === null ? null : new PSDateTime(d.getTime()));

/** Disk storage, as Get-DPMDisk shows it. */
export function diskObject(d: DiskStorage): PSObject {
  return object(PROTECTION_TYPES.disk, {
    Name: d.path,
    Path: d.path,
    Status: d.status,
    TotalCapacity: d.capacityBytes,
    UnallocatedSpace: d.freeBytes,
    Capacity: d.capacityBytes === null ? '' : formatBytes(d.capacityBytes),
    Free: d.freeBytes === null ? '' : formatBytes(d.freeBytes),
    AddedAt: date(d.addedAt),
    DiskId: d.id,
  });
}

/** A data source, protected or not. */
export function datasourceObject(d: Datasource, serverName: string): PSObject {
  return object(PROTECTION_TYPES.datasource, {
    Name: d.source.name,
    DataSourceName: d.source.name,
    ObjectType: d.source.kind,
    Workload: d.workload,
    LogicalPath: d.source.path ?? d.source.name,
    ProductionServerName: serverName,
    ProtectionGroupName: d.protectionGroup,
    Protected: d.protectionGroup !== null,
    Online: d.online,
    SizeEstimate: d.source.sizeEstimateBytes,
    Size: formatBytes(d.source.sizeEstimateBytes),
    DatasourceId: d.datasourceId,
    PluginName: d.plugin,
    SourceId: d.source.id,
  });
}

/** A member of a group as a data source object. */
export function memberObject(m: ProtectionGroupMember, groupName: string | null, serverName: string): PSObject {
  return datasourceObject({ datasourceId: m.datasourceId, plugin: m.plugin, workload: m.workload, source: m.source, protectionGroup: groupName, online: m.online }, serverName);
}

/** DPM's words for a group's protection types. */
export function protectionMethod(p: Pick<ProtectionPolicy, 'shortTerm' | 'longTerm'>): string {
  return p.longTerm === 'Online' ? 'Short-term using disk, Long-term using online' : 'Short-term using disk';
}

/** A saved protection group. */
export function protectionGroupObject(g: ProtectionGroup, serverName: string): PSObject {
  return object(PROTECTION_TYPES.protectionGroup, {
    FriendlyName: g.name,
    Name: g.name,
    ProtectionMethod: protectionMethod(g),
    ShortTerm: g.shortTerm,
    LongTerm: g.longTerm,
    RetentionRangeDays: g.retentionDays,
    SynchronizationFrequencyMinutes: g.syncFrequencyMinutes,
    OnlineRetentionRangeDays: g.onlineRetentionDays,
    Members: g.members.map((m) => memberObject(m, g.name, serverName)),
    CreatedAt: date(g.createdAt),
    ModifiedAt: date(g.modifiedAt),
    ProtectionGroupId: g.id,
  });
}

/**
 * A modifiable protection group: its properties read the server's draft each time, so the object
 * a script holds shows every change Add-DPMChildDatasource or Set-DPMPolicyObjective made to it.
 */
export function modifiableGroupObject(draftId: string, read: () => ModifiableProtectionGroup, serverName: string): PSObject {
  const o = new PSObject([PROTECTION_TYPES.modifiableGroup, PROTECTION_TYPES.protectionGroup, ...CUSTOM_OBJECT_TYPE_NAMES]);
  const live = (name: string, get: (g: ModifiableProtectionGroup) => unknown): void => o.addProperty({ name, kind: 'ScriptProperty', get: () => get(read()) });
  live('FriendlyName', (g) => g.name);
  live('Name', (g) => g.name);
  live('ProtectionMethod', protectionMethod);
  live('ShortTerm', (g) => g.shortTerm);
  live('LongTerm', (g) => g.longTerm);
  live('RetentionRangeDays', (g) => g.retentionDays);
  live('SynchronizationFrequencyMinutes', (g) => g.syncFrequencyMinutes);
  live('OnlineRetentionRangeDays', (g) => g.onlineRetentionDays);
  live('Members', (g) => g.members.map((m) => memberObject(m, g.name, serverName)));
  live('ProtectionGroupId', (g) => g.groupId);
  o.addNote('Modifiable', true);
  o.addNote('DraftId', draftId);
  return o;
}

/** A recovery point. */
export function recoveryPointObject(rp: RecoveryPoint): PSObject {
  return object(PROTECTION_TYPES.recoveryPoint, {
    Name: rp.datasourceName,
    DataSource: rp.datasourceName,
    RepresentedPointInTime: date(rp.createdAt),
    Location: rp.location,
    BackupType: rp.backupType,
    Size: rp.sizeBytes,
    Files: rp.files,
    RecoveryPointId: rp.id,
    DatasourceId: rp.datasourceId,
    PluginName: rp.plugin,
    SnapshotId: rp.snapshotId,
  });
}

/** An entry of a recovery point, for choosing what to restore. */
export function recoverableItemObject(item: RecoverableItem): PSObject {
  const slash = item.path.lastIndexOf('/');
  return object(PROTECTION_TYPES.recoverableItem, {
    Name: slash < 0 ? item.path : item.path.slice(slash + 1),
    Path: item.path,
    ItemType: item.type === 'directory' ? 'Folder' : 'File',
    Size: item.size,
    ModifiedTime: date(item.modified),
    RecoveryPointId: item.recoveryPointId,
  });
}

/** A job. */
export function jobObject(j: Job): PSObject {
  return object(PROTECTION_TYPES.job, {
    JobType: j.type,
    Status: j.status,
    DataSource: j.datasourceName,
    Location: j.location,
    StartTime: date(j.startedAt),
    EndTime: date(j.endedAt),
    BytesTransferred: j.bytes,
    Files: j.files,
    ErrorId: j.errorId,
    ErrorMessage: j.errorMessage,
    JobId: j.id,
    RecoveryPointId: j.recoveryPointId,
    DatasourceId: j.datasourceId,
  });
}

/** What Test-DPMRecoveryPoint found. */
export function verifyObject(v: VerifyResult): PSObject {
  return object(PROTECTION_TYPES.verifyResult, {
    DataSource: v.recoveryPoint.datasourceName,
    RepresentedPointInTime: date(v.recoveryPoint.createdAt),
    Location: v.recoveryPoint.location,
    Ok: v.ok,
    BytesChecked: v.bytesChecked,
    Problems: [...v.problems],
    RecoveryPointId: v.recoveryPoint.id,
    JobId: v.job.id,
  });
}

/** What the scheduler did for one data source. */
export function scheduledRunObject(r: ScheduledRun): PSObject {
  return object(PROTECTION_TYPES.scheduledRun, {
    ProtectionGroup: r.protectionGroup,
    DataSource: r.datasourceName,
    Location: r.location,
    Status: r.status,
    RepresentedPointInTime: date(r.recoveryPoint?.createdAt ?? null),
    ErrorId: r.errorId,
    ErrorMessage: r.errorMessage,
  });
}

/** The live object of a modifiable group, reading the server's draft. */
export function modifiableObject(server: ProtectionServer, draftId: string): PSObject {
  return modifiableGroupObject(draftId, () => server.groups.draft(draftId), server.serverName);
}
