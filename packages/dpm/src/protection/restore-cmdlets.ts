/** New-DPMRecoveryOption, Get-DPMRecoverableItem and Restore-DPMRecoverableItem: choosing what to restore, where, and restoring it. */
import type { OverwritePolicy, RecoveryOptions } from '@dpmsh/server';
import { defineCmdlet } from '@dpmsh/cmdlets';
import { errorRecord, terminate, CUSTOM_OBJECT_TYPE_NAMES, PSObject, isSwitchOn } from '@dpmsh/runtime';
import type { PSSwitch } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { assertThisServer } from '../this-server.js';
import { PROTECTION_TYPES, recoverableItemObject, recoveryPointIdOf } from './objects.js';
import { operationOutput } from './progress.js';

const FS = 'FsRecoveryOption';

/** The parameters of New-DPMRecoveryOption. */
export interface RecoveryOptionParameters {
  TargetServer: string;
  RecoveryLocation: 'OriginalServer' | 'AlternateLocation' | 'CopyToFolder';
  OverwriteType: 'CreateCopy' | 'Skip' | 'Overwrite' | 'Fail';
  RecoveryType: 'Recover' | 'Restore';
  FileSystem?: PSSwitch;
  AlternateLocation?: string;
  RestoreSecurity?: PSSwitch;
}

/** New-DPMRecoveryOption. */
export const newDpmRecoveryOption = defineCmdlet<RecoveryOptionParameters>({
  name: 'New-DPMRecoveryOption',
  aliases: ['New-RecoveryOption'],
  defaultParameterSet: FS,
  parameters: [
    { name: 'TargetServer', type: 'string', sets: { [FS]: { mandatory: true, position: 0 } }, description: 'The server to restore to: this server.' },
    { name: 'RecoveryLocation', type: 'string', sets: { [FS]: { mandatory: true, position: 1 } }, validation: [{ kind: 'set', values: ['OriginalServer', 'AlternateLocation', 'CopyToFolder'] }], description: 'OriginalServer restores where the data came from; AlternateLocation (or CopyToFolder) under -AlternateLocation.' },
    { name: 'OverwriteType', type: 'string', sets: { [FS]: { mandatory: true, position: 2 } }, validation: [{ kind: 'set', values: ['CreateCopy', 'Skip', 'Overwrite', 'Fail'] }], description: 'What to do with an item that exists: Overwrite it, Skip it, or Fail the restore.' },
    { name: 'RecoveryType', type: 'string', sets: { [FS]: { mandatory: true } }, validation: [{ kind: 'set', values: ['Recover', 'Restore'] }], description: 'Recover or Restore; both restore the data.' },
    { name: 'FileSystem', type: 'switch', sets: { [FS]: {} }, description: 'The option is for file data.' },
    { name: 'AlternateLocation', type: 'string', sets: { [FS]: {} }, description: 'The folder to restore under for AlternateLocation or CopyToFolder.' },
    { name: 'RestoreSecurity', type: 'switch', sets: { [FS]: {} }, description: 'Restores permissions and owners (always done by the files plugin).' },
  ],
  outputType: [PROTECTION_TYPES.recoveryOption],
  help: {
    synopsis: 'Makes the options of a restore.',
    description: 'Says where Restore-DPMRecoverableItem writes (the original location or under another folder) and what it does with items that already exist.',
    examples: [
      { title: 'Restore under another folder, overwriting', code: 'New-DPMRecoveryOption -TargetServer localhost -RecoveryLocation AlternateLocation -AlternateLocation /srv/restore -OverwriteType Overwrite -RecoveryType Recover -FileSystem' },
    ],
  },
  async process(ctx) {
    const p = ctx.params;
    const server = await serverOf(ctx);
    assertThisServer(p.TargetServer, server.serverName);
    const alternate = p.RecoveryLocation !== 'OriginalServer';
    if (alternate && (p.AlternateLocation === undefined || p.AlternateLocation.trim() === '')) {
      terminate(errorRecord(`RecoveryLocation ${p.RecoveryLocation} needs -AlternateLocation: the folder to restore under.`, 'AlternateLocationMissing', 'InvalidArgument', { targetObject: p.RecoveryLocation }));
    }
    const o = new PSObject([PROTECTION_TYPES.recoveryOption, ...CUSTOM_OBJECT_TYPE_NAMES]);
    o.addNote('TargetServer', p.TargetServer);
    o.addNote('RecoveryLocation', p.RecoveryLocation);
    o.addNote('RecoveryType', p.RecoveryType);
    o.addNote('OverwriteType', p.OverwriteType);
    o.addNote('AlternateLocation', alternate ? ctx.session.resolvePath(p.AlternateLocation as string) : null);
    o.addNote('RestoreSecurity', isSwitchOn(p.RestoreSecurity));
    await ctx.write(o);
  },
});

/** Get-DPMRecoverableItem. */
export const getDpmRecoverableItem = defineCmdlet<{ RecoverableItem: unknown; BrowseType?: 'Child' | 'Parent' }>({
  name: 'Get-DPMRecoverableItem',
  aliases: ['Get-RecoverableItem'],
  parameters: [
    { name: 'RecoverableItem', type: 'object', sets: { __AllParameterSets: { mandatory: true, position: 0, valueFromPipeline: true } }, description: 'A recovery point, or a folder of one from an earlier Get-DPMRecoverableItem.' },
    { name: 'BrowseType', type: 'string', sets: { __AllParameterSets: { position: 1 } }, validation: [{ kind: 'set', values: ['Child', 'Parent'] }], defaultValueText: 'Child', description: 'Child lists what is inside; Parent lists the folder the item is in.' },
  ],
  outputType: [PROTECTION_TYPES.recoverableItem],
  help: {
    synopsis: 'Lists the files and folders of a recovery point.',
    description: 'Lists the items at the top of a recovery point, or inside one of its folders, to choose items for Restore-DPMRecoverableItem.',
    examples: [{ title: 'The top of the newest recovery point', code: 'Get-DPMDatasource | Get-DPMRecoveryPoint | Select-Object -Last 1 | Get-DPMRecoverableItem -BrowseType Child' }],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    const item = ctx.params.RecoverableItem;
    const path = item instanceof PSObject && typeof item.read('Path') === 'string' ? (item.read('Path') as string) : '';
    const folder = ctx.params.BrowseType === 'Parent' ? path.split('/').slice(0, -1).join('/') : path;
    for (const entry of await server.recoverableItems(recoveryPointIdOf(item, 'RecoverableItem'), folder)) await ctx.write(recoverableItemObject(entry));
  },
});

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
        code: "$rp = Get-DPMDatasource | Get-DPMRecoveryPoint | Select-Object -Last 1\n$opt = New-DPMRecoveryOption -TargetServer localhost -RecoveryLocation AlternateLocation -AlternateLocation /srv/restore -OverwriteType Overwrite -RecoveryType Recover -FileSystem\nRestore-DPMRecoverableItem -RecoveryOption $opt -RecoverableItem $rp",
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
