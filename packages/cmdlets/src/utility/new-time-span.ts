/** New-TimeSpan: a time span from a start and an end, or from its parts. */
import { defineCmdlet } from '../session/cmdlet.js';
import { makeTimeSpan, now, subtractDates } from '@dpmsh/runtime';
import type { PSDateTime } from '@dpmsh/runtime';

interface NewTimeSpanParameters {
  Start?: PSDateTime;
  End?: PSDateTime;
  Days?: number;
  Hours?: number;
  Minutes?: number;
  Seconds?: number;
  Milliseconds?: number;
}

const timePart = (name: string, what: string): { name: string; type: 'int'; sets: { Time: object }; description: string } => ({
  name,
  type: 'int',
  sets: { Time: {} },
  description: `The ${what} of the span.`,
});

/** New-TimeSpan. */
export const newTimeSpan = defineCmdlet<NewTimeSpanParameters>({
  name: 'New-TimeSpan',
  defaultParameterSet: 'Date',
  parameters: [
    { name: 'Start', type: 'datetime', aliases: ['LastWriteTime'], sets: { Date: { position: 0, valueFromPipelineByPropertyName: true } }, description: 'The start of the span; now when omitted.' },
    { name: 'End', type: 'datetime', sets: { Date: { position: 1, valueFromPipelineByPropertyName: true } }, description: 'The end of the span; now when omitted.' },
    timePart('Days', 'days'),
    timePart('Hours', 'hours'),
    timePart('Minutes', 'minutes'),
    timePart('Seconds', 'seconds'),
    timePart('Milliseconds', 'milliseconds'),
  ],
  outputType: ['System.TimeSpan'],
  help: {
    synopsis: 'Creates a TimeSpan object.',
    description: 'Creates a TimeSpan: the time between -Start and -End (each now when omitted), or one of -Days, -Hours, -Minutes, -Seconds and -Milliseconds.',
    examples: [
      { title: 'The span between two dates', code: "(New-TimeSpan -Start '2026-01-01' -End '2026-03-01').Days", output: '59' },
      {
        title: 'A span from its parts',
        code: 'New-TimeSpan -Hours 1 -Minutes 30',
        output:
          '\nDays              : 0\nHours             : 1\nMinutes           : 30\nSeconds           : 0\nMilliseconds      : 0\nTicks             : 54000000000\nTotalDays         : 0.0625\nTotalHours        : 1.5\nTotalMinutes      : 90\nTotalSeconds      : 5400\nTotalMilliseconds : 5400000\n',
      },
    ],
  },
  async process(ctx) {
    const p = ctx.params;
    if (ctx.parameterSetName === 'Time') {
      await ctx.write(makeTimeSpan(p.Days ?? 0, p.Hours ?? 0, p.Minutes ?? 0, p.Seconds ?? 0, p.Milliseconds ?? 0));
      return;
    }
    const current = now();
    await ctx.write(subtractDates(p.End ?? current, p.Start ?? current));
  },
});
