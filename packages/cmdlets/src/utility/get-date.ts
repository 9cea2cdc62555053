/** Get-Date. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../pipeline/types.js';
import { formatDateTime } from '../runtime/datetime.js';
import { PSDateTime } from '../runtime/values.js';

/** Get-Date. */
export const getDate = defineCmdlet<{ Date?: PSDateTime; Format?: string; AsUTC?: boolean }>({
  name: 'Get-Date',
  parameters: [
    { name: 'Date', type: 'datetime', aliases: ['LastWriteTime'], sets: { [ALL_PARAMETER_SETS]: { position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } }, description: 'The date to show; now when omitted.' },
    { name: 'Format', type: 'string', sets: { [ALL_PARAMETER_SETS]: {} }, description: 'A .NET format string: the output is then a string.' },
    { name: 'AsUTC', type: 'switch', sets: { [ALL_PARAMETER_SETS]: {} }, description: 'Returns the time in UTC.' },
  ],
  outputType: ['System.DateTime', 'System.String'],
  help: {
    synopsis: 'Gets the current date and time.',
    description: 'Gets a DateTime for now, or for -Date; with -Format, its text.',
    examples: [{ title: 'Format a date', code: "Get-Date -Date '2026-11-23 09:30' -Format 'yyyy-MM-dd HH:mm'", output: '2026-11-23 09:30' }],
  },
  async process(ctx) {
    let date = ctx.params.Date ?? new PSDateTime(Date.now(), 'Local');
    if (ctx.params.AsUTC) date = new PSDateTime(date.ms, 'Utc');
    await ctx.write(ctx.params.Format !== undefined ? formatDateTime(date, ctx.params.Format) : date);
  },
});
