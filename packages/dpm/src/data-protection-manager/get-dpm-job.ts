import type { JobStatus, JobType } from '@dpmsh/server';
import { defineCmdlet } from '@dpmsh/cmdlets';
import type { PSDateTime } from '@dpmsh/runtime';
import { serverOf } from '../connection.js';
import { assertThisServer } from '../input/this-server.js';
import { jobObject, PROTECTION_TYPES } from '../objects/protection.js';
import { datasourceIdOfObject, groupIdOf } from '../objects/references.js';
import { RECOVERY_POINT_SETUP } from '../help-example-setups.js';

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
    { name: 'Type', type: 'string', sets: { __AllParameterSets: {} }, validation: [{ kind: 'set', values: ['Backup', 'Restore', 'Verify', 'Repair'] }], description: 'Only jobs of this type.' },
    { name: 'From', type: 'datetime', sets: { __AllParameterSets: {} }, description: 'Only jobs started at or after this time.' },
    { name: 'To', type: 'datetime', sets: { __AllParameterSets: {} }, description: 'Only jobs started at or before this time.' },
  ],
  outputType: [PROTECTION_TYPES.job],
  help: {
    synopsis: 'Gets backup, restore and verify jobs.',
    description: 'Gets the jobs of the server, oldest first, with their state, times, bytes and, for a failed job, the error.',
    examples: [
      {
        title: 'Backups of the last day',
        code: 'Get-DPMJob -Type Backup -From (Get-Date).AddDays(-1) | Select-Object JobType, Status, Location',
        remarks: 'Add -Status Failed to see only the jobs that failed, with their ErrorId and ErrorMessage.',
        setup: RECOVERY_POINT_SETUP,
        output: [
          '',
          'JobType Status    Location',
          '------- ------    --------',
          'Backup  Succeeded Disk',
        ].join('\n'),
      },
    ],
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
