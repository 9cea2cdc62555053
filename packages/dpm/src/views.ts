/**
 * How the DPM objects print by default: the format views of the preparation and protection objects,
 * registered in one place.
 */
import { formatBytes } from '@dpmsh/core';
import type { FormatTable } from '@dpmsh/cmdlets';
import { toText, isEnumerable, PSObject } from '@dpmsh/runtime';
import { DPM_TYPES } from './objects/preparation.js';
import { PROTECTION_TYPES } from './objects/protection.js';
import { STORAGE_REPAIR_TYPE } from './objects/storage-repair.js';

const read = (o: unknown, name: string): unknown => (o instanceof PSObject ? o.read(name) : undefined);
const days = (o: unknown): string => {
  const value = read(o, 'WorkDay');
  return isEnumerable(value) ? value.map((d) => toText(d)).join(', ') : '';
};
const bytes = (name: string) => (o: unknown): string => {
  const value = read(o, name);
  return typeof value === 'number' ? formatBytes(value) : '';
};
const memberNames = (o: unknown): string => {
  const members = read(o, 'Members');
  return isEnumerable(members) ? members.map((m) => String(read(m, 'Name') ?? '')).join(', ') : '';
};

/** Registers the views of every DPM object in a session's format table. */
export function registerDpmViews(formats: FormatTable): void {
  formats.register({
    typeName: DPM_TYPES.vault,
    kind: 'table',
    columns: [{ property: 'Name' }, { property: 'Location' }, { property: 'StorageRedundancy' }, { property: 'ResourceGroupName' }, { property: 'RegisteredServers', label: 'Servers' }],
  });
  formats.register({
    typeName: DPM_TYPES.azureVault,
    kind: 'list',
    properties: [{ property: 'Name' }, { property: 'ID' }, { property: 'Type' }, { property: 'Location' }, { property: 'ResourceGroupName' }, { property: 'SubscriptionId' }],
  });
  formats.register({
    typeName: DPM_TYPES.obRegistration,
    kind: 'list',
    properties: [{ property: 'CertThumbprint' }, { property: 'SubscriptionID' }, { property: 'ServiceResourceName' }, { property: 'Region' }],
  });
  formats.register({
    typeName: DPM_TYPES.throttling,
    kind: 'list',
    properties: [
      { property: 'Enabled' },
      { property: days, label: 'WorkDay' },
      { property: 'StartWorkHour' },
      { property: 'EndWorkHour' },
      { property: 'WorkHourBandwidth' },
      { property: 'NonWorkHourBandwidth' },
    ],
  });
  formats.register({
    typeName: DPM_TYPES.credential,
    kind: 'list',
    properties: [{ property: 'FilePath' }, { property: 'Vault' }, { property: 'NotAfter' }, { property: 'Thumbprint' }],
  });
  formats.register({
    typeName: PROTECTION_TYPES.disk,
    kind: 'table',
    columns: [{ property: 'Path' }, { property: 'Status' }, { property: 'Capacity', alignment: 'right' }, { property: 'Free', alignment: 'right' }, { property: 'AddedAt' }],
  });
  formats.register({
    typeName: PROTECTION_TYPES.productionServer,
    kind: 'table',
    columns: [{ property: 'ServerName' }, { property: 'ServerProtectionState' }, { property: 'Workloads' }],
  });
  formats.register({
    typeName: PROTECTION_TYPES.datasource,
    kind: 'table',
    columns: [{ property: 'Name' }, { property: 'ObjectType', label: 'Type' }, { property: 'Workload' }, { property: 'Size', alignment: 'right' }, { property: 'ProtectionGroupName', label: 'ProtectionGroup' }, { property: 'Online' }],
  });
  formats.register({
    typeName: PROTECTION_TYPES.protectionGroup,
    kind: 'table',
    columns: [{ property: 'FriendlyName' }, { property: 'ProtectionMethod' }, { property: memberNames, label: 'Members' }],
  });
  formats.register({
    typeName: PROTECTION_TYPES.recoveryPoint,
    kind: 'table',
    columns: [{ property: 'DataSource' }, { property: 'RepresentedPointInTime' }, { property: 'Location' }, { property: 'BackupType' }, { property: bytes('Size'), label: 'Size', alignment: 'right' }],
  });
  formats.register({
    typeName: PROTECTION_TYPES.recoverableItem,
    kind: 'table',
    columns: [{ property: 'Path' }, { property: 'ItemType' }, { property: bytes('Size'), label: 'Size', alignment: 'right' }, { property: 'ModifiedTime' }],
  });
  formats.register({
    typeName: PROTECTION_TYPES.recoveryOption,
    kind: 'list',
    properties: [{ property: 'TargetServer' }, { property: 'RecoveryLocation' }, { property: 'RecoveryType' }, { property: 'OverwriteType' }, { property: 'AlternateLocation' }],
  });
  formats.register({
    typeName: PROTECTION_TYPES.restoreResult,
    kind: 'table',
    columns: [{ property: 'DataSource' }, { property: 'RestoredFiles' }, { property: 'RestoredDirectories' }, { property: bytes('RestoredBytes'), label: 'Restored', alignment: 'right' }, { property: 'Skipped' }],
  });
  formats.register({
    typeName: PROTECTION_TYPES.verifyResult,
    kind: 'table',
    columns: [{ property: 'DataSource' }, { property: 'RepresentedPointInTime' }, { property: 'Location' }, { property: 'Ok' }, { property: bytes('BytesChecked'), label: 'Checked', alignment: 'right' }],
  });
  formats.register({
    typeName: STORAGE_REPAIR_TYPE,
    kind: 'table',
    columns: [
      { property: 'Storage' },
      { property: 'Status' },
      { property: 'PacksRead', label: 'Packs', alignment: 'right' },
      { property: 'TemporaryFilesRemoved', label: 'Temporaries', alignment: 'right' },
      { property: 'UnlistedPacksRemoved', label: 'Unlisted', alignment: 'right' },
      { property: bytes('BytesReclaimed'), label: 'Reclaimed', alignment: 'right' },
    ],
  });
  formats.register({
    typeName: PROTECTION_TYPES.job,
    kind: 'table',
    columns: [{ property: 'JobType' }, { property: 'Status' }, { property: 'DataSource' }, { property: 'Location' }, { property: 'StartTime' }, { property: 'EndTime' }],
  });
  formats.register({
    typeName: PROTECTION_TYPES.scheduledRun,
    kind: 'table',
    columns: [{ property: 'ProtectionGroup' }, { property: 'DataSource' }, { property: 'Location' }, { property: 'Status' }, { property: 'ErrorId' }],
  });
}
