import type { OverwritePolicy, RecoveryOptions } from '@dpmsh/server';
import { defineCmdlet } from '@dpmsh/cmdlets';
import { errorRecord, terminate, CUSTOM_OBJECT_TYPE_NAMES, PSObject } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { PROTECTION_TYPES } from '../objects/protection.js';
import { recoveryPointIdOf } from '../objects/references.js';
import { operationOutput } from '../progress.js';
import { RECOVERY_POINT_SETUP } from '../help-example-setups.js';

/** The restore options of a recovery option object. */
function optionsOf(value: unknown): Omit<RecoveryOptions, 'items'> {
  if (!(value instanceof PSObject) || value.read('RecoveryLocation') === undefined) {
    terminate(errorRecord('Cannot process argument on parameter \'RecoveryOption\': expected an object from New-DPMRecoveryOption.', 'InvalidObjectForParameter', 'InvalidArgument', { targetObject: value ?? null }));
  }
  const overwrite = String(value.read('OverwriteType'));
  if (overwrite === 'CreateCopy') {
    terminate(
      errorRecord(
        'OverwriteType CreateCopy is not supported: dpmsh restores an item under its own name only. Use Overwrite to replace existing items, Skip to keep them, or Fail to stop at the first one.',
        'OverwriteTypeNotSupported',
        'InvalidArgument',
        { targetObject: overwrite },
      ),
    );
  }
  const policy: OverwritePolicy = overwrite === 'Overwrite' ? 'overwrite' : overwrite === 'Skip' ? 'skip' : 'fail';
  const alternate = value.read('AlternateLocation');
  return { target: value.read('RecoveryLocation') === 'OriginalServer' ? 'original' : { alternatePath: String(alternate) }, overwrite: policy };
}

/** Restore-DPMRecoverableItem. */
export const restoreDpmRecoverableItem = defineCmdlet<{ RecoveryOption: unknown; RecoverableItem: unknown[] }>({
  name: 'Restore-DPMRecoverableItem',
  aliases: ['Recover-RecoverableItem'],
  parameters: [
    { name: 'RecoveryOption', type: 'object', sets: { __AllParameterSets: { mandatory: true, position: 0 } }, description: 'Where and how to restore (New-DPMRecoveryOption).' },
    { name: 'RecoverableItem', type: 'object[]', sets: { __AllParameterSets: { mandatory: true, position: 1, valueFromPipeline: true } }, description: 'A recovery point (all of it), or items of one from Get-DPMRecoverableItem.' },
  ],
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  outputType: [PROTECTION_TYPES.restoreResult],
  help: {
    synopsis: 'Restores a recovery point, whole or chosen items.',
    description:
      'Restores to the original location or under another folder. A recovery point in the vault is read through the recovery folder, which is cleaned afterwards. Whether a restore may run is decided by the connectivity and subscription state table: restores from the vault go on while the subscription is expired, and stop once it is deprovisioned.',
    examples: [
      {
        title: 'Restore the newest recovery point elsewhere',
        code: '$rp = Get-DPMDatasource | Get-DPMRecoveryPoint | Select-Object -Last 1\n$opt = New-DPMRecoveryOption -TargetServer localhost -RecoveryLocation AlternateLocation -AlternateLocation $HOME/restore -OverwriteType Overwrite -RecoveryType Recover -FileSystem\nRestore-DPMRecoverableItem -RecoveryOption $opt -RecoverableItem $rp | Format-List RestoredFiles, RestoredDirectories, RestoredBytes, Skipped',
        setup: RECOVERY_POINT_SETUP,
        output: [
          '',
          'RestoredFiles       : 2',
          'RestoredDirectories : 1',
          'RestoredBytes       : 12',
          'Skipped             : 0',
        ].join('\n'),
      },
    ],
  },
  begin(ctx) {
    pending.set(ctx, new Map());
  },
  process(ctx) {
    const byPoint = pending.get(ctx) as Map<string, string[] | undefined>;
    for (const item of ctx.params.RecoverableItem) {
      const id = recoveryPointIdOf(item, 'RecoverableItem');
      const path = item instanceof PSObject ? item.read('Path') : undefined;
      if (typeof path !== 'string') byPoint.set(id, undefined);
      else if (!byPoint.has(id) || byPoint.get(id) !== undefined) byPoint.set(id, [...(byPoint.get(id) ?? []), path]);
    }
  },
  async end(ctx) {
    const server = await serverOf(ctx);
    const options = optionsOf(ctx.params.RecoveryOption);
    for (const [id, items] of pending.get(ctx) ?? []) {
      const rp = server.recoveryPoint(id);
      const where = options.target === 'original' ? 'its original location' : options.target.alternatePath;
      if (!(await ctx.shouldProcess(`${rp.datasourceName} (${rp.createdAt.toISOString()}, ${rp.location})`, `Restore ${items ? `${items.length} items` : 'everything'} to ${where}`))) continue;
      const outcome = await server.restore(id, { ...operationOutput(ctx), options: { ...options, ...(items ? { items } : {}) } });
      const o = new PSObject([PROTECTION_TYPES.restoreResult, ...CUSTOM_OBJECT_TYPE_NAMES]);
      o.addNote('DataSource', rp.datasourceName);
      o.addNote('Location', rp.location);
      o.addNote('RestoredFiles', outcome.result.restoredFiles);
      o.addNote('RestoredDirectories', outcome.result.restoredDirectories);
      o.addNote('RestoredBytes', outcome.result.restoredBytes);
      o.addNote('Skipped', outcome.result.skipped);
      o.addNote('JobId', outcome.job.id);
      await ctx.write(o);
    }
  },
});

/** Items collected from the pipeline until end, per invocation. */
const pending = new WeakMap<object, Map<string, string[] | undefined>>();
