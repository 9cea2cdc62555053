import type { BackupType } from '@dpmsh/server';
import { defineCmdlet } from '@dpmsh/cmdlets';
import { PSObject, isSwitchOn } from '@dpmsh/runtime';
import type { PSSwitch } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { PROTECTION_TYPES, recoveryPointObject } from '../objects/protection.js';
import { datasourceIdOfObject } from '../objects/references.js';
import { operationOutput } from '../progress.js';
import { PROTECTED_SETUP, RECOVERY_POINT_SETUP } from '../help-example-setups.js';

/** New-DPMRecoveryPoint. */
export const newDpmRecoveryPoint = defineCmdlet<{ Datasource: unknown[]; Disk?: PSSwitch; Online?: PSSwitch; BackupType?: BackupType; WithDataIntegrityCheck?: PSSwitch }>({
  name: 'New-DPMRecoveryPoint',
  aliases: ['New-RecoveryPoint'],
  defaultParameterSet: 'Disk',
  parameters: [
    { name: 'Datasource', type: 'object[]', sets: { Disk: { mandatory: true, position: 0, valueFromPipeline: true }, Online: { mandatory: true, position: 0, valueFromPipeline: true } }, description: 'Protected data sources (Get-DPMDatasource).' },
    { name: 'Disk', type: 'switch', sets: { Disk: { mandatory: true } }, description: 'Makes a recovery point on disk storage.' },
    { name: 'BackupType', type: 'string', sets: { Disk: {} }, validation: [{ kind: 'set', values: ['ExpressFull', 'Incremental'] }], defaultValueText: 'ExpressFull', description: 'ExpressFull reads all the data; Incremental reads only what changed since the last recovery point.' },
    { name: 'WithDataIntegrityCheck', type: 'switch', sets: { Disk: {} }, description: 'Verifies the new recovery point after making it.' },
    { name: 'Online', type: 'switch', sets: { Online: { mandatory: true } }, description: 'Copies the newest disk recovery point to the vault (making one first when needed).' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  outputType: [PROTECTION_TYPES.recoveryPoint],
  help: {
    synopsis: 'Backs up protected data sources now.',
    description:
      'Makes a recovery point now. -Disk backs up to disk storage, which is mandatory. -Online sends an encrypted copy of the newest disk recovery point to the vault under the throttling settings; the first one locks the vault\'s storage redundancy. Whether a backup may run is decided by the connectivity and subscription state table (Get-DPMCloudStatus).',
    examples: [
      {
        title: 'Back up to disk',
        code: 'Get-DPMDatasource | New-DPMRecoveryPoint -Disk -BackupType ExpressFull | Select-Object Location, BackupType, Files',
        setup: PROTECTED_SETUP,
        output: [
          '',
          'Location BackupType  Files',
          '-------- ----------  -----',
          'Disk     ExpressFull     2',
        ].join('\n'),
      },
      {
        title: 'Copy to the vault',
        code: 'Get-DPMDatasource | New-DPMRecoveryPoint -Online | Select-Object Location, BackupType, Files',
        setup: RECOVERY_POINT_SETUP,
        output: [
          '',
          'Location BackupType  Files',
          '-------- ----------  -----',
          'Online   ExpressFull     2',
        ].join('\n'),
      },
    ],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    const online = ctx.parameterSetName === 'Online';
    for (const item of ctx.params.Datasource) {
      const datasourceId = datasourceIdOfObject(item, 'Datasource');
      const name = item instanceof PSObject ? String(item.read('Name') ?? datasourceId) : String(item);
      if (!(await ctx.shouldProcess(name, online ? 'Create online recovery point' : 'Create disk recovery point'))) continue;
      const output = operationOutput(ctx);
      const result = await server.backupNow(datasourceId, { ...output, location: online ? 'Online' : 'Disk', backupType: ctx.params.BackupType ?? 'ExpressFull' });
      if (result.diskBackup) ctx.writeVerbose(`Made a disk recovery point of '${name}' first, at ${result.diskBackup.recoveryPoint.createdAt.toISOString()}.`);
      if (isSwitchOn(ctx.params.WithDataIntegrityCheck)) {
        const check = await server.verify(result.recoveryPoint.id, output);
        if (!check.ok) ctx.writeWarning(`The new recovery point of '${name}' failed its integrity check: ${check.problems.join('; ')}`);
      }
      await ctx.write(recoveryPointObject(result.recoveryPoint));
    }
  },
});
