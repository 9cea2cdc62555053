/** New-DPMRecoveryPoint, Get-DPMRecoveryPoint and Test-DPMRecoveryPoint: making, listing and verifying recovery points. */
import type { BackupType } from '@dpmsh/server';
import { defineCmdlet } from '@dpmsh/cmdlets';
import { PSObject, isSwitchOn } from '@dpmsh/runtime';
import type { PSSwitch } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { datasourceIdOfObject, PROTECTION_TYPES, recoveryPointIdOf, recoveryPointObject, verifyObject } from './objects.js';
import { operationOutput } from './progress.js';

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
      { title: 'Back up to disk', code: 'Get-DPMDatasource | New-DPMRecoveryPoint -Disk -BackupType ExpressFull' },
      { title: 'Copy to the vault', code: 'Get-DPMDatasource | New-DPMRecoveryPoint -Online' },
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

/** Get-DPMRecoveryPoint. */
export const getDpmRecoveryPoint = defineCmdlet<{ Datasource?: unknown[]; Online?: PSSwitch }>({
  name: 'Get-DPMRecoveryPoint',
  aliases: ['Get-RecoveryPoint'],
  parameters: [
    { name: 'Datasource', type: 'object[]', sets: { __AllParameterSets: { position: 0, valueFromPipeline: true } }, description: 'The data sources; all when omitted.' },
    { name: 'Online', type: 'switch', sets: { __AllParameterSets: {} }, description: 'Gets the recovery points in the vault instead of those on disk.' },
  ],
  outputType: [PROTECTION_TYPES.recoveryPoint],
  help: {
    synopsis: 'Gets the recovery points of data sources.',
    description: 'Gets the recovery points on disk, or with -Online those in the vault, oldest first.',
    examples: [{ title: 'The newest recovery point', code: 'Get-DPMDatasource | Get-DPMRecoveryPoint | Sort-Object RepresentedPointInTime -Descending | Select-Object -First 1' }],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    const location = isSwitchOn(ctx.params.Online) ? 'Online' : 'Disk';
    const ids = ctx.params.Datasource?.map((d) => datasourceIdOfObject(d, 'Datasource'));
    const points = ids === undefined ? server.recoveryPoints({ location }) : ids.flatMap((datasourceId) => server.recoveryPoints({ datasourceId, location }));
    for (const rp of points) await ctx.write(recoveryPointObject(rp));
  },
});

/** Test-DPMRecoveryPoint. */
export const testDpmRecoveryPoint = defineCmdlet<{ RecoveryPoint: unknown[] }>({
  name: 'Test-DPMRecoveryPoint',
  parameters: [{ name: 'RecoveryPoint', type: 'object[]', sets: { __AllParameterSets: { mandatory: true, position: 0, valueFromPipeline: true } }, description: 'Recovery points (Get-DPMRecoveryPoint).' }],
  outputType: [PROTECTION_TYPES.verifyResult],
  help: {
    synopsis: 'Verifies recovery points.',
    description: 'Re-reads and authenticates every byte of each recovery point and reports whether it is intact and, if not, what is damaged. Each check is a Verify job.',
    examples: [{ title: 'Verify every recovery point on disk', code: 'Get-DPMRecoveryPoint | Test-DPMRecoveryPoint' }],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    for (const rp of ctx.params.RecoveryPoint) await ctx.write(verifyObject(await server.verify(recoveryPointIdOf(rp, 'RecoveryPoint'), operationOutput(ctx))));
  },
});
