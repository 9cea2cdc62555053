import { defineCmdlet } from '@dpmsh/cmdlets';
import { isSwitchOn } from '@dpmsh/runtime';
import type { PSSwitch } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { PROTECTION_TYPES, recoveryPointObject } from '../objects/protection.js';
import { datasourceIdOfObject } from '../objects/references.js';
import { RECOVERY_POINT_SETUP } from '../help-example-setups.js';

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
    description:
      'Gets the recovery points on disk, or with -Online those in the vault, oldest first. With -Online the vault is asked first: points whose data it deleted (a deprovisioned subscription) are no longer listed, and a vault that does not answer is reported as a warning.',
    examples: [
      {
        title: 'The newest recovery point',
        code: 'Get-DPMDatasource | Get-DPMRecoveryPoint | Sort-Object RepresentedPointInTime -Descending | Select-Object -First 1 | Format-List Location, BackupType, Files',
        setup: RECOVERY_POINT_SETUP,
        output: [
          '',
          'Location   : Disk',
          'BackupType : ExpressFull',
          'Files      : 2',
        ].join('\n'),
      },
    ],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    const location = isSwitchOn(ctx.params.Online) ? 'Online' : 'Disk';
    if (location === 'Online' && server.registration() !== null) {
      // The cloud status drops the points whose vault data was deleted before they are listed.
      for (const warning of (await server.cloudStatus()).warnings) ctx.writeWarning(warning);
    }
    const ids = ctx.params.Datasource?.map((d) => datasourceIdOfObject(d, 'Datasource'));
    const points = ids === undefined ? server.recoveryPoints({ location }) : ids.flatMap((datasourceId) => server.recoveryPoints({ datasourceId, location }));
    for (const rp of points) await ctx.write(recoveryPointObject(rp));
  },
});
