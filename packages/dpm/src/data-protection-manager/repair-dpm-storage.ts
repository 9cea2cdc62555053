import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { isSwitchOn, PSObject, type PSSwitch } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { STORAGE_REPAIR_TYPE, storageRepairObject } from '../objects/storage-repair.js';
import { operationOutput } from '../progress.js';
import { RECOVERY_POINT_SETUP } from '../help-example-setups.js';

const all = ALL_PARAMETER_SETS;
const DISK = 'Disk';
const ONLINE = 'Online';

/** Repair-DPMStorage. */
export const repairDpmStorage = defineCmdlet<{ DPMDiskStorage?: unknown[]; Online?: PSSwitch; Index?: PSSwitch; Leftovers?: PSSwitch }>({
  name: 'Repair-DPMStorage',
  defaultParameterSet: DISK,
  parameters: [
    {
      name: 'DPMDiskStorage',
      type: 'object[]',
      aliases: ['Disk', 'Path'],
      sets: { [DISK]: { position: 0, valueFromPipeline: true } },
      description: 'The disk storage to repair (Get-DPMDisk, or its path); the only disk storage when absent.',
    },
    { name: 'Online', type: 'switch', sets: { [ONLINE]: { mandatory: true } }, description: "Repairs this server's online copy in the vault instead of disk storage." },
    { name: 'Index', type: 'switch', sets: { [all]: {} }, description: 'Rebuilds the index from the headers every stored pack carries (with -Leftovers, or neither, both are done).' },
    { name: 'Leftovers', type: 'switch', sets: { [all]: {} }, description: 'Removes temporary files of interrupted writes and packs no index lists (with -Index, or neither, both are done).' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  outputType: [STORAGE_REPAIR_TYPE],
  help: {
    synopsis: 'Rebuilds the index of disk storage or the online copy and reclaims leftovers.',
    description:
      "Repairs the repository in disk storage, or this server's online copy in the vault, as a Repair job. -Index rebuilds the index from the headers every stored pack carries, so recovery points whose index was damaged restore again; the new index is written before the old one goes, so an interrupted repair loses nothing. -Leftovers removes what interrupted backups left: temporary files of writers that are gone and packs no index lists. With neither, both are done, the index first. Run it when Test-DPMRecoveryPoint reports a damaged index, or after a crash. Packs whose own header is damaged are named in DamagedPacks, and the job then ends Failed.",
    examples: [
      {
        title: 'Repair the disk storage after a crash',
        code: 'Get-DPMDisk | Repair-DPMStorage | Format-List Status, IndexObjectsRemoved, TemporaryFilesRemoved, UnlistedPacksRemoved',
        setup: RECOVERY_POINT_SETUP,
        output: ['', 'Status                : Succeeded', 'IndexObjectsRemoved   : 1', 'TemporaryFilesRemoved : 0', 'UnlistedPacksRemoved  : 0'].join('\n'),
      },
    ],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    const what = { ...(isSwitchOn(ctx.params.Index) ? { index: true } : {}), ...(isSwitchOn(ctx.params.Leftovers) ? { leftovers: true } : {}) };
    if (isSwitchOn(ctx.params.Online)) {
      if (!(await ctx.shouldProcess('the online copy', 'Repair storage'))) return;
      await ctx.write(storageRepairObject(await server.repair({ ...what, online: true, ...operationOutput(ctx) })));
      return;
    }
    const disks = ctx.params.DPMDiskStorage ?? [undefined];
    for (const disk of disks) {
      const path = disk === undefined ? undefined : disk instanceof PSObject ? String(disk.read('Path')) : ctx.session.resolvePath(String(disk));
      if (!(await ctx.shouldProcess(path ?? 'the disk storage', 'Repair storage'))) continue;
      await ctx.write(storageRepairObject(await server.repair({ ...what, ...(path === undefined ? {} : { disk: path }), ...operationOutput(ctx) })));
    }
  },
});
