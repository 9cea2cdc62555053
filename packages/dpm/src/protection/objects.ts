/**
 * The objects the protection cmdlets output, shaped like DPM's (a recovery point has
 * RepresentedPointInTime, Location and BackupType; a job JobType, Status, StartTime and EndTime;
 * a protection group FriendlyName and ProtectionMethod), and the way back from an object a user
 * passes in to what the server takes.
 */
import { datasourceIdOf, formatBytes } from '@dpmsh/core';
import type {
  Datasource,
  DiskStorage,
  Job,
  ModifiableProtectionGroup,
  ProtectionGroup,
  ProtectionGroupMember,
  ProtectionPolicy,
  RecoverableItem,
  RecoveryPoint,
  ScheduledRun,
  VerifyResult,
} from '@dpmsh/server';
import { errorRecord, terminate, CUSTOM_OBJECT_TYPE_NAMES, PSDateTime, PSObject } from '@dpmsh/runtime';

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

// ---- from objects back to what the server takes ------------------------------------------------

function wrongObject(parameter: string, expected: string, value: unknown): never {
  return terminate(
    errorRecord(`Cannot process argument on parameter '${parameter}': expected ${expected}.`, 'InvalidObjectForParameter', 'InvalidArgument', { targetObject: value ?? null }),
  );
}

const note = (value: unknown, name: string): unknown => (value instanceof PSObject ? value.read(name) : undefined);

/** The data source an object from Get-DPMDatasource names: its plugin and the plugin's id; a string is a path or name to resolve. */
export function datasourceRefOf(value: unknown, parameter: string): { plugin: string; sourceId: string } | string {
  const plugin = note(value, 'PluginName');
  const sourceId = note(value, 'SourceId');
  if (typeof plugin === 'string' && typeof sourceId === 'string') return { plugin, sourceId };
  if (typeof value === 'string') return value;
  return wrongObject(parameter, 'a data source from Get-DPMDatasource, or the path of one', value);
}

/** The stable id of the data source an object (a data source, a recovery point) is about. */
export function datasourceIdOfObject(value: unknown, parameter: string): string {
  const id = note(value, 'DatasourceId');
  if (typeof id === 'string') return id;
  const ref = datasourceRefOf(value, parameter);
  return typeof ref === 'string' ? ref : datasourceIdOf(ref.plugin, ref.sourceId);
}

/** The saved group an object names (its id), or a name. */
export function groupIdOf(value: unknown, parameter: string): string {
  const id = note(value, 'ProtectionGroupId');
  if (typeof id === 'string') return id;
  const name = note(value, 'Name') ?? value;
  if (typeof name === 'string') return name;
  return wrongObject(parameter, 'a protection group from Get-DPMProtectionGroup, or its name', value);
}

/** The draft of a modifiable group object. */
export function draftIdOf(value: unknown, parameter: string): string {
  const id = note(value, 'DraftId');
  if (typeof id === 'string') return id;
  return wrongObject(parameter, 'a modifiable protection group from New-DPMProtectionGroup or Get-DPMModifiableProtectionGroup', value);
}

/** The recovery point an object (a recovery point, a recoverable item) belongs to, or an id. */
export function recoveryPointIdOf(value: unknown, parameter: string): string {
  const id = note(value, 'RecoveryPointId') ?? value;
  if (typeof id === 'string') return id;
  return wrongObject(parameter, 'a recovery point from Get-DPMRecoveryPoint', value);
}
