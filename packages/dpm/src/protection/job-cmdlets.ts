/** Get-DPMJob and Start-DPMScheduler: what ran, and running what is due. */
import type { JobStatus, JobType } from '@dpmsh/server';
import { defineCmdlet } from '@dpmsh/cmdlets';
import type { PSDateTime, PSSwitch } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { assertThisServer } from '../this-server.js';
import { datasourceIdOfObject, groupIdOf, jobObject, PROTECTION_TYPES, scheduledRunObject } from './objects.js';
import { isSwitchOn } from '@dpmsh/runtime';

/** The parameters of Get-DPMJob. */
export interface JobParameters {
  DPMServerName?: string;
  ProtectionGroup?: unknown;
  Datasource?: unknown;
  Status?: JobStatus;
  Type?: JobType;
  From?: PSDateTime;
  To?: PSDateTime;
}

const at = (d: PSDateTime | undefined): Date | undefined => (d === undefined ? undefined : d.toDate());

/** Get-DPMJob. */
export const getDpmJob = defineCmdlet<JobParameters>({
  name: 'Get-DPMJob',
  parameters: [
    { name: 'DPMServerName', type: 'string', aliases: ['ComputerName', 'CN'], sets: { __AllParameterSets: { position: 0 } }, description: 'The server; this server when omitted.' },
    { name: 'ProtectionGroup', type: 'object', sets: { __AllParameterSets: {} }, description: 'Only jobs of the members of this protection group.' },
    { name: 'Datasource', type: 'object', sets: { __AllParameterSets: {} }, description: 'Only jobs of this data source.' },
    { name: 'Status', type: 'string', sets: { __AllParameterSets: {} }, validation: [{ kind: 'set', values: ['InProgress', 'Succeeded', 'Failed', 'Cancelled'] }], description: 'Only jobs in this state.' },
    { name: 'Type', type: 'string', sets: { __AllParameterSets: {} }, validation: [{ kind: 'set', values: ['Backup', 'Restore', 'Verify'] }], description: 'Only jobs of this type.' },
    { name: 'From', type: 'datetime', sets: { __AllParameterSets: {} }, description: 'Only jobs started at or after this time.' },
    { name: 'To', type: 'datetime', sets: { __AllParameterSets: {} }, description: 'Only jobs started at or before this time.' },
  ],
  outputType: [PROTECTION_TYPES.job],
  help: {
    synopsis: 'Gets backup, restore and verify jobs.',
    description: 'Gets the jobs of the server, oldest first, with their state, times, bytes and, for a failed job, the error.',
    examples: [{ title: 'Failed jobs of the last day', code: 'Get-DPMJob -Status Failed -From (Get-Date).AddDays(-1)' }],
  },
  async process(ctx) {
    const server = await serverOf(ctx);
    const p = ctx.params;
    assertThisServer(p.DPMServerName, server.serverName);
    const datasourceId = p.Datasource === undefined ? undefined : datasourceIdOfObject(p.Datasource, 'Datasource');
    const members = p.ProtectionGroup === undefined ? undefined : new Set(server.groups.get(groupIdOf(p.ProtectionGroup, 'ProtectionGroup')).members.map((m) => m.datasourceId));
    const found = server.jobs({
      ...(p.Status === undefined ? {} : { status: p.Status }),
      ...(p.Type === undefined ? {} : { type: p.Type }),
      ...(datasourceId === undefined ? {} : { datasourceId }),
      ...(p.From === undefined ? {} : { from: at(p.From) }),
      ...(p.To === undefined ? {} : { to: at(p.To) }),
    });
    for (const job of found) if (!members || (job.datasourceId !== null && members.has(job.datasourceId))) await ctx.write(jobObject(job));
  },
});

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
    examples: [{ title: 'Run what is due now', code: 'Start-DPMScheduler -Once' }],
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
