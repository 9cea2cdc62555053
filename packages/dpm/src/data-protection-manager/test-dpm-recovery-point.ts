import { defineCmdlet } from '@dpmsh/cmdlets';
import { serverOf } from '../connection.js';
import { PROTECTION_TYPES, verifyObject } from '../objects/protection.js';
import { recoveryPointIdOf } from '../objects/references.js';
import { operationOutput } from '../progress.js';
import { RECOVERY_POINT_SETUP } from '../help-example-setups.js';

/** Test-DPMRecoveryPoint. */
export const testDpmRecoveryPoint = defineCmdlet<{ RecoveryPoint: unknown[] }>({
  name: 'Test-DPMRecoveryPoint',
  parameters: [{ name: 'RecoveryPoint', type: 'object[]', sets: { __AllParameterSets: { mandatory: true, position: 0, valueFromPipeline: true } }, description: 'Recovery points (Get-DPMRecoveryPoint).' }],
  outputType: [PROTECTION_TYPES.verifyResult],
  help: {
    synopsis: 'Verifies recovery points.',
    description: 'Re-reads and authenticates every byte of each recovery point and reports whether it is intact and, if not, what is damaged. Each check is a Verify job.',
    examples: [
      {
        title: 'Verify every recovery point on disk',
        code: 'Get-DPMRecoveryPoint | Test-DPMRecoveryPoint | Select-Object Location, Ok',
        setup: RECOVERY_POINT_SETUP,
        output: [
          '',
          'Location   Ok',
          '--------   --',
          'Disk     True',
        ].join('\n'),
      },
    ],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    for (const rp of ctx.params.RecoveryPoint) await ctx.write(verifyObject(await server.verify(recoveryPointIdOf(rp, 'RecoveryPoint'), operationOutput(ctx))));
  },
});
