import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { diskObject, PROTECTION_TYPES } from '../objects/protection.js';

const all = ALL_PARAMETER_SETS;

/** Add-DPMDisk. */
export const addDpmDisk = defineCmdlet<{ Path: string[] }>({
  name: 'Add-DPMDisk',
  aliases: ['Add-BackupStorage'],
  parameters: [
    { name: 'Path', type: 'string[]', aliases: ['DPMDisk'], sets: { [all]: { mandatory: true, position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } }, description: 'An existing folder on a local volume that this server can write to.' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  outputType: [PROTECTION_TYPES.disk],
  help: {
    synopsis: 'Adds a folder as disk storage.',
    description:
      'Adds disk storage: a folder on a local volume that holds the first copy of every backup. Disk storage is mandatory, even when data is also sent to the vault, which holds the second copy. The folder must exist and be writable; its repository is created in it.',
    examples: [{ title: 'Add a folder as disk storage', code: 'Add-DPMDisk -Path /srv/dpm/disk1' }],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    for (const path of ctx.params.Path) {
      const resolved = ctx.session.resolvePath(path);
      if (!(await ctx.shouldProcess(resolved, 'Add disk storage'))) continue;
      await ctx.write(diskObject(await server.protection.addDisk(resolved)));
    }
  },
});
