import { defineCmdlet } from '@dpmsh/cmdlets';
import type { PSSwitch } from '@dpmsh/runtime';
import { isSwitchOn } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { PROTECTION_TYPES, scheduledRunObject } from '../objects/protection.js';
import { PROTECTED_SETUP } from '../help-example-setups.js';

/** Start-DPMScheduler. */
export const startDpmScheduler = defineCmdlet<{ Once?: PSSwitch; IntervalSeconds?: number }>({
  name: 'Start-DPMScheduler',
  parameters: [
    { name: 'Once', type: 'switch', sets: { __AllParameterSets: {} }, description: 'Runs what is due now, then returns.' },
    { name: 'IntervalSeconds', type: 'int', sets: { __AllParameterSets: {} }, validation: [{ kind: 'range', min: 1, max: 86400 }], defaultValueText: '60', description: 'How often to look for due backups.' },
  ],
  outputType: [PROTECTION_TYPES.scheduledRun],
  help: {
    synopsis: 'Runs the protection groups on their schedules.',
    description:
      "Backs up each protected data source when its group's synchronization frequency has passed since its last recovery point, and copies online-protected ones to the vault daily; a failed backup is retried after 15 minutes. Runs until stopped with Ctrl+C, or once with -Once. Run it as a service with: dpmsh -NonInteractive -Command Start-DPMScheduler.",
    examples: [
      {
        title: 'Run what is due now',
        code: 'Start-DPMScheduler -Once | Select-Object ProtectionGroup, Location, Status',
        setup: PROTECTED_SETUP,
        output: [
          '',
          'ProtectionGroup Location Status',
          '--------------- -------- ------',
          'Files           Disk     Succeeded',
          'Files           Online   Succeeded',
        ].join('\n'),
      },
    ],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    const interval = (ctx.params.IntervalSeconds ?? 60) * 1000;
    for (;;) {
      const runs = await server.runDueBackups(new Date(), ctx.signal);
      for (const run of runs) {
        if (run.status === 'Failed') ctx.writeWarning(`The scheduled ${run.location.toLowerCase()} backup of '${run.datasourceName}' failed: ${run.errorMessage ?? run.errorId ?? 'unknown error'}`);
        await ctx.write(scheduledRunObject(run));
      }
      if (isSwitchOn(ctx.params.Once)) return;
      if (!(await sleep(interval, ctx.signal))) return;
    }
  },
});

/** Waits; false when the signal stopped the wait. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve(false);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
