/** The object Repair-DPMStorage outputs: what was rebuilt and reclaimed in one disk storage or the online copy. */
import type { RepairResult } from '@dpmsh/server';
import { CUSTOM_OBJECT_TYPE_NAMES, PSObject } from '@dpmsh/runtime';

/** Its type name. */
export const STORAGE_REPAIR_TYPE = 'Dpmsh.StorageRepair';

/** What Repair-DPMStorage did. */
export function storageRepairObject(r: RepairResult): PSObject {
  const o = new PSObject([STORAGE_REPAIR_TYPE, ...CUSTOM_OBJECT_TYPE_NAMES]);
  const notes: Record<string, unknown> = {
    Storage: r.storage,
    Location: r.location,
    Status: r.job.status,
    PacksRead: r.index?.packsRead ?? 0,
    IndexObjectsWritten: r.index?.indexObjectsWritten ?? 0,
    IndexObjectsRemoved: r.index?.indexObjectsRemoved ?? 0,
    DamagedPacks: [...(r.index?.damagedPacks ?? [])],
    TemporaryFilesRemoved: r.leftovers?.temporaryObjects ?? 0,
    UnlistedPacksRemoved: r.leftovers?.orphanPacks ?? 0,
    BytesReclaimed: (r.leftovers?.temporaryBytes ?? 0) + (r.leftovers?.orphanBytes ?? 0),
    JobId: r.job.id,
  };
  for (const [name, value] of Object.entries(notes)) o.addNote(name, value);
  return o;
}
