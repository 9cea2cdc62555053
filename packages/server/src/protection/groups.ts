/**
 * Protection groups the DPM way: New-DPMProtectionGroup or Get-DPMModifiableProtectionGroup hands
 * out a modifiable group held in memory; Add-DPMChildDatasource, Set-DPMProtectionType and
 * Set-DPMPolicyObjective change it; Set-DPMProtectionGroup checks everything and saves it in one
 * transaction. Until then nothing is written.
 */
import { randomUUID } from 'node:crypto';
import {
  assertDatasourceSize,
  assertDiskStorageAvailable,
  assertReadyForOnlineBackup,
  validateProtectionGroupName,
  validateProtectionPlan,
  validateRetentionDays,
  validateScratchSpace,
  validateSyncFrequency,
  type LongTermProtection,
  type ShortTermProtection,
} from '@dpmsh/core';
import { diskRows } from '../catalog/disks.js';
import { allMembers, groupById, groupByName, groups, saveGroup } from '../catalog/groups.js';
import { registeredVaultName } from '../catalog/registration.js';
import { readSettings } from '../catalog/settings.js';
import type { ServerContext } from '../context/server-context.js';
import { datasourceAlreadyProtectedError, groupNameTakenError, groupNotFoundError, modifiableGroupUnknownError } from '../model/errors.js';
import { freeBytes } from '../storage/folders.js';
import type { Datasource, ModifiableProtectionGroup, ProtectionGroup, ProtectionGroupMember, ProtectionPolicy } from '../model/types.js';

/** DPM's defaults: 5 days on disk, synchronized every 15 minutes; 30 days in the vault. */
export const DEFAULT_POLICY: ProtectionPolicy = { shortTerm: 'Disk', longTerm: null, retentionDays: 5, syncFrequencyMinutes: 15, onlineRetentionDays: 30 };

/** A change of policy objectives (Set-DPMPolicyObjective). */
export interface PolicyChange {
  readonly retentionDays?: number;
  readonly syncFrequencyMinutes?: number;
  readonly onlineRetentionDays?: number;
}

interface Draft {
  readonly draftId: string;
  readonly groupId: string | null;
  name: string;
  policy: ProtectionPolicy;
  readonly members: Map<string, ProtectionGroupMember>;
}

/** The modifiable protection groups of a server. */
export class ProtectionGroups {
  readonly #ctx: ServerContext;
  readonly #drafts = new Map<string, Draft>();

  constructor(ctx: ServerContext) {
    this.#ctx = ctx;
  }

  /** The saved groups. */
  list(): ProtectionGroup[] {
    return groups(this.#ctx.db);
  }

  /** A saved group by id or name. */
  get(idOrName: string): ProtectionGroup {
    const group = groupById(this.#ctx.db, idOrName) ?? groupByName(this.#ctx.db, idOrName);
    if (!group) throw groupNotFoundError(`'${idOrName}'`);
    return group;
  }

  /** A new, empty modifiable group (New-DPMProtectionGroup); the name is checked again when it is saved. */
  create(name: string): ModifiableProtectionGroup {
    const draft: Draft = { draftId: randomUUID(), groupId: null, name: validateProtectionGroupName(name), policy: DEFAULT_POLICY, members: new Map() };
    this.#drafts.set(draft.draftId, draft);
    return view(draft);
  }

  /** A modifiable copy of a saved group (Get-DPMModifiableProtectionGroup). */
  modify(groupId: string): ModifiableProtectionGroup {
    const group = this.get(groupId);
    const { shortTerm, longTerm, retentionDays, syncFrequencyMinutes, onlineRetentionDays } = group;
    const draft: Draft = {
      draftId: randomUUID(),
      groupId: group.id,
      name: group.name,
      policy: { shortTerm, longTerm, retentionDays, syncFrequencyMinutes, onlineRetentionDays },
      members: new Map(group.members.map((m) => [m.datasourceId, { datasourceId: m.datasourceId, plugin: m.plugin, workload: m.workload, source: m.source, online: m.online }])),
    };
    this.#drafts.set(draft.draftId, draft);
    return view(draft);
  }

  /** The modifiable group as it is now. */
  draft(draftId: string): ModifiableProtectionGroup {
    return view(this.#draft(draftId));
  }

  /** Adds a data source (Add-DPMChildDatasource); `online` also protects it in the vault. */
  addMember(draftId: string, datasource: Datasource, online: boolean): ModifiableProtectionGroup {
    const draft = this.#draft(draftId);
    assertDatasourceSize(datasource.source.sizeEstimateBytes, datasource.source.name);
    this.#assertNotInOtherGroup(draft, datasource.datasourceId, datasource.source.name);
    draft.members.set(datasource.datasourceId, { datasourceId: datasource.datasourceId, plugin: datasource.plugin, workload: datasource.workload, source: datasource.source, online });
    return view(draft);
  }

  /** Removes a data source (Remove-DPMChildDatasource); its recovery points stay until they expire. */
  removeMember(draftId: string, datasourceId: string): ModifiableProtectionGroup {
    const draft = this.#draft(draftId);
    draft.members.delete(datasourceId);
    return view(draft);
  }

  /** Sets the protection types (Set-DPMProtectionType). */
  setProtectionType(draftId: string, shortTerm: ShortTermProtection, longTerm: LongTermProtection | null): ModifiableProtectionGroup {
    const draft = this.#draft(draftId);
    draft.policy = { ...draft.policy, shortTerm, longTerm };
    return view(draft);
  }

  /** Sets policy objectives (Set-DPMPolicyObjective). */
  setPolicy(draftId: string, change: PolicyChange): ModifiableProtectionGroup {
    const draft = this.#draft(draftId);
    draft.policy = {
      ...draft.policy,
      ...(change.retentionDays === undefined ? {} : { retentionDays: validateRetentionDays(change.retentionDays, 'Disk') }),
      ...(change.syncFrequencyMinutes === undefined ? {} : { syncFrequencyMinutes: validateSyncFrequency(change.syncFrequencyMinutes) }),
      ...(change.onlineRetentionDays === undefined ? {} : { onlineRetentionDays: validateRetentionDays(change.onlineRetentionDays, 'Online') }),
    };
    return view(draft);
  }

  /** Checks and saves a modifiable group (Set-DPMProtectionGroup); the draft stays usable for further changes. */
  async commit(draftId: string): Promise<ProtectionGroup> {
    const draft = this.#draft(draftId);
    const db = this.#ctx.db;
    const members = [...draft.members.values()];
    const online = members.filter((m) => m.online);
    validateProtectionPlan({ name: draft.name, memberCount: members.length, onlineMemberCount: online.length, longTerm: draft.policy.longTerm });
    assertDiskStorageAvailable(diskRows(db).length);
    for (const m of members) {
      assertDatasourceSize(m.source.sizeEstimateBytes, m.source.name);
      this.#assertNotInOtherGroup(draft, m.datasourceId, m.source.name);
    }
    const sameName = groupByName(db, draft.name);
    if (sameName && sameName.id !== draft.groupId) throw groupNameTakenError(draft.name);
    if (draft.policy.longTerm === 'Online') {
      assertReadyForOnlineBackup({ registered: registeredVaultName(db) !== null, passphraseSet: readSettings(db).passphraseSet });
      await this.#assertScratchSpace(draft, online);
    }
    const now = this.#ctx.clock();
    const before = draft.groupId === null ? undefined : groupById(db, draft.groupId);
    if (draft.groupId !== null && !before) throw groupNotFoundError(`'${draft.name}' (it was deleted after this modifiable copy was made)`);
    const group: ProtectionGroup = { id: draft.groupId ?? randomUUID(), name: draft.name, ...draft.policy, createdAt: before?.createdAt ?? now, modifiedAt: now, members };
    db.transaction(() => saveGroup(db, group))();
    this.#drafts.delete(draftId);
    const saved = groupById(db, group.id) as ProtectionGroup;
    // Further changes to the same object go on from what was saved, as they do in DPM.
    this.#drafts.set(draftId, { draftId, groupId: saved.id, name: saved.name, policy: draft.policy, members: new Map(draft.members) });
    return saved;
  }

  /** The scratch location must hold 5% of everything protected online, this group's new members included. */
  async #assertScratchSpace(draft: Draft, online: readonly ProtectionGroupMember[]): Promise<void> {
    const others = allMembers(this.#ctx.db).filter((m) => m.online && m.groupId !== draft.groupId && !draft.members.has(m.datasourceId));
    const plannedOnlineBytes = [...others, ...online].reduce((sum, m) => sum + m.source.sizeEstimateBytes, 0);
    const scratch = readSettings(this.#ctx.db).scratchPath ?? this.#ctx.home;
    validateScratchSpace({ freeBytes: await freeBytes(scratch), plannedOnlineBytes });
  }

  #assertNotInOtherGroup(draft: Draft, datasourceId: string, name: string): void {
    const member = allMembers(this.#ctx.db).find((m) => m.datasourceId === datasourceId);
    if (member && member.groupId !== draft.groupId) throw datasourceAlreadyProtectedError(name, groupById(this.#ctx.db, member.groupId)?.name ?? member.groupId);
  }

  #draft(draftId: string): Draft {
    const draft = this.#drafts.get(draftId);
    if (!draft) throw modifiableGroupUnknownError();
    return draft;
  }
}

function view(draft: Draft): ModifiableProtectionGroup {
  return { draftId: draft.draftId, groupId: draft.groupId, name: draft.name, ...draft.policy, members: [...draft.members.values()] };
}
