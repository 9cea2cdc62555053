/** Get-Date. */
import { ALL_PARAMETER_SETS, type ParameterMetadata } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import {
  MS_PER_DAY,
  addMilliseconds,
  addMonths,
  dateFields,
  formatDateTime,
  now,
  toUniversalTime,
  typeNamesOf,
  PSDateTime,
  PSEnumValue,
  PSObject,
} from '@dpmsh/runtime';
import { formatUFormat } from './uformat.js';

const all = ALL_PARAMETER_SETS;

interface GetDateParameters {
  Date?: PSDateTime;
  UnixTimeSeconds?: number;
  Year?: number;
  Month?: number;
  Day?: number;
  Hour?: number;
  Minute?: number;
  Second?: number;
  Millisecond?: number;
  DisplayHint?: string;
  Format?: string;
  UFormat?: string;
  AsUTC?: boolean;
}

const DISPLAY_HINTS = ['Date', 'Time', 'DateTime'];

/** The DisplayHint note Get-Date puts on a date: how the DateTime view shows it. */
function withDisplayHint(date: PSDateTime, hint: string): PSObject {
  const canonical = DISPLAY_HINTS.find((h) => h.toLowerCase() === hint.toLowerCase()) ?? 'DateTime';
  const wrapped = new PSObject(typeNamesOf(date), date);
  wrapped.addNote('DisplayHint', new PSEnumValue('Microsoft.PowerShell.Commands.DisplayHintType', canonical, DISPLAY_HINTS.indexOf(canonical)));
  return wrapped;
}

const fieldParameter = (name: string, min: number, max: number, what: string): ParameterMetadata => ({
  name,
  type: 'int',
  sets: { [all]: {} },
  validation: [{ kind: 'range', min, max }],
  description: `The ${what} to show instead of the date's own.`,
});

const getDateParameters: readonly ParameterMetadata[] = [
  { name: 'Date', type: 'datetime', aliases: ['LastWriteTime'], sets: { [all]: { position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } }, description: 'The date to show; now when omitted.' },
  { name: 'UnixTimeSeconds', type: 'long', aliases: ['UnixTime'], sets: { [all]: {} }, description: 'The date as seconds since 1970-01-01 00:00:00 UTC.' },
];

/** Get-Date. */
export const getDate = defineCmdlet<GetDateParameters>({
  name: 'Get-Date',
  defaultParameterSet: 'net',
  parameters: [
    ...getDateParameters,
    fieldParameter('Year', 1, 9999, 'year'),
    fieldParameter('Month', 1, 12, 'month'),
    fieldParameter('Day', 1, 31, 'day of the month'),
    fieldParameter('Hour', 0, 23, 'hour'),
    fieldParameter('Minute', 0, 59, 'minute'),
    fieldParameter('Second', 0, 59, 'second'),
    fieldParameter('Millisecond', 0, 999, 'millisecond'),
    { name: 'DisplayHint', type: 'string', sets: { [all]: {} }, validation: [{ kind: 'set', values: DISPLAY_HINTS, ignoreCase: true }], description: 'Date, Time or DateTime: which part the console shows.' },
    { name: 'Format', type: 'string', sets: { net: {} }, description: 'A .NET format string: the output is then a string.' },
    { name: 'UFormat', type: 'string', sets: { UFormat: {} }, description: 'A Unix format string (%Y-%m-%d): the output is then a string.' },
    { name: 'AsUTC', type: 'switch', sets: { [all]: {} }, description: 'Returns the time in UTC.' },
  ],
  outputType: ['System.DateTime', 'System.String'],
  help: {
    synopsis: 'Gets the current date and time.',
    description:
      'Gets a DateTime for now, or for -Date (or -UnixTimeSeconds). -Year, -Month, -Day, -Hour, -Minute, -Second and -Millisecond replace those parts; -AsUTC converts to UTC. With -Format (.NET) or -UFormat (Unix) the output is the formatted text; -DisplayHint chooses whether the console shows the date, the time or both.',
    examples: [
      { title: 'Format a date', code: "Get-Date -Date '2026-11-23 09:30' -Format 'yyyy-MM-dd HH:mm'", output: '2026-11-23 09:30' },
      { title: 'A Unix format', code: "Get-Date -Date '2026-11-23 09:30' -UFormat '%A %d %B %Y, %R'", output: 'Monday 23 November 2026, 09:30' },
      { title: 'Replace parts of a date', code: "Get-Date -Date '2026-11-23 09:30' -Month 1 -Day 5 -Hour 0 -Minute 0 -Format s", output: '2026-01-05T00:00:00' },
      { title: 'Only the date', code: "Get-Date -Date '2026-11-23 09:30' -DisplayHint Date", output: '\nMonday, November 23, 2026\n' },
    ],
  },
  async process(ctx) {
    const p = ctx.params;
    let date = p.Date ?? (p.UnixTimeSeconds !== undefined ? new PSDateTime(p.UnixTimeSeconds * 1000, 'Utc') : now());
    if (p.Date === undefined && p.UnixTimeSeconds !== undefined) date = new PSDateTime(date.ms, 'Local');
    const f = dateFields(date);
    if (p.Year !== undefined) date = addMonths(date, (p.Year - f.year) * 12);
    if (p.Month !== undefined) date = addMonths(date, p.Month - dateFields(date).month);
    if (p.Day !== undefined) date = addMilliseconds(date, (p.Day - dateFields(date).day) * MS_PER_DAY);
    if (p.Hour !== undefined) date = addMilliseconds(date, (p.Hour - dateFields(date).hour) * 3_600_000);
    if (p.Minute !== undefined) date = addMilliseconds(date, (p.Minute - dateFields(date).minute) * 60_000);
    if (p.Second !== undefined) date = addMilliseconds(date, (p.Second - dateFields(date).second) * 1000);
    if (p.Millisecond !== undefined) date = addMilliseconds(date, p.Millisecond - dateFields(date).millisecond);
    if (p.AsUTC) date = toUniversalTime(date);
    if (p.UFormat !== undefined) await ctx.write(formatUFormat(date, p.UFormat));
    else if (p.Format !== undefined) await ctx.write(formatDateTime(date, p.Format));
    else await ctx.write(p.DisplayHint !== undefined ? withDisplayHint(date, p.DisplayHint) : date);
  },
});
