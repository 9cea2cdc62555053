import { ALL_PARAMETER_SETS, defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { diskObject, PROTECTION_TYPES } from '../objects/protection.js';
import { DATA_SETUP } from '../help-example-setups.js';

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
    examples: [
      {
        title: 'Add a folder as disk storage',
        code: 'Add-DPMDisk -Path $HOME/disk1 | Format-List Status',
        remarks: "Without Format-List it also shows the folder's path, its volume's capacity and free space, and when it was added.",
        setup: DATA_SETUP,
        output: [
          '',
          'Status : Healthy',
        ].join('\n'),
      },
    ],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    for (const path of ctx.params.Path) {
      const resolved = ctx.session.resolvePath(path);
      if (!(await ctx.shouldProcess(resolved, 'Add disk storage'))) continue;
      await ctx.write(diskObject(await server.addDisk(resolved)));
    }
  },
});
