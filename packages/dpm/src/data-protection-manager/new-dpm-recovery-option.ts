import { defineCmdlet } from '@dpmsh/cmdlets';
import { errorRecord, terminate, CUSTOM_OBJECT_TYPE_NAMES, PSObject, isSwitchOn } from '@dpmsh/runtime';
import type { PSSwitch } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { assertThisServer } from '../input/this-server.js';
import { PROTECTION_TYPES } from '../objects/protection.js';

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
      {
        title: 'Restore under another folder, overwriting',
        code: 'New-DPMRecoveryOption -TargetServer localhost -RecoveryLocation AlternateLocation -AlternateLocation /srv/restore -OverwriteType Overwrite -RecoveryType Recover -FileSystem',
        output: [
          '',
          'TargetServer      : localhost',
          'RecoveryLocation  : AlternateLocation',
          'RecoveryType      : Recover',
          'OverwriteType     : Overwrite',
          'AlternateLocation : /srv/restore',
        ].join('\n'),
      },
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
