/** Saved protection groups and their members. */
import type { LongTermProtection } from '@dpmsh/core';
import type { ProtectionGroup, ProtectionGroupMember } from '../model/types.js';
import type { CatalogDatabase } from './database.js';

interface GroupRow {
  id: string;
  name: string;
  short_term: 'Disk';
  long_term: LongTermProtection | null;
  retention_days: number;
  sync_frequency_minutes: number;
  online_retention_days: number;
  created_at: string;
  modified_at: string;
}

interface MemberRow {
  datasource_id: string;
  group_id: string;
  plugin: string;
  workload: string;
  source_id: string;
  name: string;
  kind: string;
  path: string | null;
  size_estimate: number;
  online: number;
  disk_id: string | null;
  added_at: string;
}

/** A member as stored, with the group that protects it and the disk its recovery points go to. */
export interface StoredMember extends ProtectionGroupMember {
  readonly groupId: string;
  readonly diskId: string | null;
}

const memberFromRow = (r: MemberRow): StoredMember => ({
  datasourceId: r.datasource_id,
  groupId: r.group_id,
  plugin: r.plugin,
  workload: r.workload,
  source: { id: r.source_id, name: r.name, kind: r.kind, sizeEstimateBytes: r.size_estimate, ...(r.path === null ? {} : { path: r.path }) },
  online: r.online === 1,
  diskId: r.disk_id,
});

function groupFromRow(db: CatalogDatabase, r: GroupRow): ProtectionGroup {
  const members = (db.prepare('SELECT * FROM member WHERE group_id = ? ORDER BY added_at, rowid').all(r.id) as MemberRow[]).map(memberFromRow);
  return {
    id: r.id,
    name: r.name,
    shortTerm: r.short_term,
    longTerm: r.long_term,
    retentionDays: r.retention_days,
    syncFrequencyMinutes: r.sync_frequency_minutes,
    onlineRetentionDays: r.online_retention_days,
    createdAt: new Date(r.created_at),
    modifiedAt: new Date(r.modified_at),
    members,
  };
}

/** Every saved group, by name. */
export function groups(db: CatalogDatabase): ProtectionGroup[] {
  return (db.prepare('SELECT * FROM protection_group ORDER BY name').all() as GroupRow[]).map((r) => groupFromRow(db, r));
}

/** One group by id, or undefined. */
export function groupById(db: CatalogDatabase, id: string): ProtectionGroup | undefined {
  const row = db.prepare('SELECT * FROM protection_group WHERE id = ?').get(id) as GroupRow | undefined;
  return row ? groupFromRow(db, row) : undefined;
}

/** One group by name (any letter case), or undefined. */
export function groupByName(db: CatalogDatabase, name: string): ProtectionGroup | undefined {
  const row = db.prepare('SELECT * FROM protection_group WHERE name = ? COLLATE NOCASE').get(name) as GroupRow | undefined;
  return row ? groupFromRow(db, row) : undefined;
}

/** The member protecting a data source, or undefined. */
export function memberOf(db: CatalogDatabase, datasourceId: string): StoredMember | undefined {
  const row = db.prepare('SELECT * FROM member WHERE datasource_id = ?').get(datasourceId) as MemberRow | undefined;
  return row ? memberFromRow(row) : undefined;
}

/** Every member of every group. */
export function allMembers(db: CatalogDatabase): StoredMember[] {
  return (db.prepare('SELECT * FROM member ORDER BY added_at, rowid').all() as MemberRow[]).map(memberFromRow);
}

/** Writes a group and replaces its members (keeping each kept member's disk); call inside a transaction. */
export function saveGroup(db: CatalogDatabase, group: ProtectionGroup): void {
  db.prepare(
    `INSERT INTO protection_group (id, name, short_term, long_term, retention_days, sync_frequency_minutes, online_retention_days, created_at, modified_at)
     VALUES (@id, @name, @shortTerm, @longTerm, @retentionDays, @syncFrequencyMinutes, @onlineRetentionDays, @createdAt, @modifiedAt)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, short_term = excluded.short_term, long_term = excluded.long_term,
       retention_days = excluded.retention_days, sync_frequency_minutes = excluded.sync_frequency_minutes,
       online_retention_days = excluded.online_retention_days, modified_at = excluded.modified_at`,
  ).run({
    id: group.id,
    name: group.name,
    shortTerm: group.shortTerm,
    longTerm: group.longTerm,
    retentionDays: group.retentionDays,
    syncFrequencyMinutes: group.syncFrequencyMinutes,
    onlineRetentionDays: group.onlineRetentionDays,
    createdAt: group.createdAt.toISOString(),
    modifiedAt: group.modifiedAt.toISOString(),
  });
  const kept = new Set(group.members.map((m) => m.datasourceId));
  for (const old of db.prepare('SELECT datasource_id FROM member WHERE group_id = ?').all(group.id) as { datasource_id: string }[]) {
    if (!kept.has(old.datasource_id)) db.prepare('DELETE FROM member WHERE datasource_id = ?').run(old.datasource_id);
  }
  const upsert = db.prepare(
    `INSERT INTO member (datasource_id, group_id, plugin, workload, source_id, name, kind, path, size_estimate, online, added_at)
     VALUES (@datasourceId, @groupId, @plugin, @workload, @sourceId, @name, @kind, @path, @size, @online, @addedAt)
     ON CONFLICT (datasource_id) DO UPDATE SET group_id = excluded.group_id, name = excluded.name, kind = excluded.kind,
       path = excluded.path, size_estimate = excluded.size_estimate, online = excluded.online`,
  );
  for (const m of group.members) {
    upsert.run({
      datasourceId: m.datasourceId,
      groupId: group.id,
      plugin: m.plugin,
      workload: m.workload,
      sourceId: m.source.id,
      name: m.source.name,
      kind: m.source.kind,
      path: m.source.path ?? null,
      size: m.source.sizeEstimateBytes,
      online: m.online ? 1 : 0,
      addedAt: group.modifiedAt.toISOString(),
    });
  }
}

/** Records the disk a member's recovery points go to. */
export function setMemberDisk(db: CatalogDatabase, datasourceId: string, diskId: string): void {
  db.prepare('UPDATE member SET disk_id = ? WHERE datasource_id = ?').run(diskId, datasourceId);
}
