/**
 * Protection-group rules: the mandatory first copy on disk, the protection types a group may
 * have, and what a group needs before it is saved (Set-DPMProtectionGroup).
 */
import { DomainError } from './errors.js';

/** Short-term protection: recovery points on the server's own disk storage. */
export type ShortTermProtection = 'Disk';
/** Long-term protection: a second copy in the vault. */
export type LongTermProtection = 'Online';

/** The short-term protection types dpmsh offers (DPM's tape is not one of them). */
export const SHORT_TERM_PROTECTION: readonly ShortTermProtection[] = ['Disk'];
/** The long-term protection types dpmsh offers. */
export const LONG_TERM_PROTECTION: readonly LongTermProtection[] = ['Online'];

/** The longest protection-group name accepted. */
export const MAX_PROTECTION_GROUP_NAME_LENGTH = 64;

/** Refuses a backup or a protection group while the server has no disk storage: the local copy is mandatory. */
export function assertDiskStorageAvailable(diskCount: number): void {
  if (diskCount > 0) return;
  throw new DomainError({
    id: 'NoDiskStorage',
    category: 'ResourceUnavailable',
    message: 'This server has no disk storage. The first backup copy is kept on local disk storage and is mandatory, even when data is also sent to the vault, which holds the second copy.',
    recommendedAction: 'Add a folder on a local volume as disk storage with Add-DPMDisk -Path, then try again.',
  });
}

/** Accepts a protection-group name (1 to 64 characters, no control characters) and returns it trimmed. */
export function validateProtectionGroupName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_PROTECTION_GROUP_NAME_LENGTH || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw new DomainError({
      id: 'InvalidProtectionGroupName',
      category: 'InvalidArgument',
      message: `'${name}' is not a protection-group name: it must have 1 to ${MAX_PROTECTION_GROUP_NAME_LENGTH} characters and no control characters.`,
      recommendedAction: 'Give the protection group a short descriptive name, for example -Name "File servers".',
      target: name,
    });
  }
  return trimmed;
}

/** What Set-DPMProtectionGroup checks about a group's own settings. */
export interface ProtectionPlan {
  readonly name: string;
  readonly memberCount: number;
  /** Members added with -Online. */
  readonly onlineMemberCount: number;
  readonly longTerm: LongTermProtection | null;
}

/** Refuses a group with no data sources, or with data sources marked online while its long-term protection is not Online. */
export function validateProtectionPlan(plan: ProtectionPlan): void {
  if (plan.memberCount === 0) {
    throw new DomainError({
      id: 'ProtectionGroupEmpty',
      category: 'InvalidOperation',
      message: `The protection group '${plan.name}' has no data sources, so there is nothing to protect.`,
      recommendedAction: 'Add at least one data source with Add-DPMChildDatasource (find them with Get-DPMDatasource -Inquire), then save the group with Set-DPMProtectionGroup.',
      target: plan.name,
    });
  }
  if (plan.onlineMemberCount > 0 && plan.longTerm !== 'Online') {
    throw new DomainError({
      id: 'OnlineProtectionNotSelected',
      category: 'InvalidOperation',
      message: `The protection group '${plan.name}' has ${plan.onlineMemberCount} data source${plan.onlineMemberCount === 1 ? '' : 's'} marked for online protection, but its long-term protection is not Online.`,
      recommendedAction: 'Run Set-DPMProtectionType -ProtectionGroup $pg -ShortTerm Disk -LongTerm Online, or add the data sources without -Online.',
      target: plan.name,
    });
  }
}
