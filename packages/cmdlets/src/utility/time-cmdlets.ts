/** New-TimeSpan and Start-Sleep. */
import { defineCmdlet } from '../session/cmdlet.js';
import { PipelineStoppedError, makeTimeSpan, now, subtractDates } from '@dpmsh/runtime';
import type { PSDateTime, PSTimeSpan } from '@dpmsh/runtime';

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

/** Waits `ms` milliseconds, or throws PipelineStoppedError as soon as the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new PipelineStoppedError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new PipelineStoppedError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

const MAX_SECONDS = 2_147_483.647;

/** Start-Sleep. */
export const startSleep = defineCmdlet<{ Seconds?: number; Milliseconds?: number; Duration?: PSTimeSpan }>({
  name: 'Start-Sleep',
  defaultParameterSet: 'Seconds',
  parameters: [
    {
      name: 'Seconds',
      type: 'double',
      sets: { Seconds: { mandatory: true, position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true } },
      validation: [{ kind: 'range', min: 0, max: MAX_SECONDS }],
      description: 'How long to wait, in seconds (fractions allowed).',
    },
    {
      name: 'Milliseconds',
      type: 'int',
      aliases: ['ms'],
      sets: { Milliseconds: { mandatory: true, valueFromPipelineByPropertyName: true } },
      validation: [{ kind: 'range', min: 0, max: 2_147_483_647 }],
      description: 'How long to wait, in milliseconds.',
    },
    { name: 'Duration', type: 'timespan', aliases: ['ts'], sets: { FromTimeSpan: { mandatory: true, valueFromPipelineByPropertyName: true } }, description: 'How long to wait, as a TimeSpan.' },
  ],
  help: {
    synopsis: 'Suspends the activity in a script or session for the specified period of time.',
    description: 'Waits for the given time before the next statement runs. Ctrl+C ends the wait at once.',
    examples: [{ title: 'Wait half a second', code: "Start-Sleep -Milliseconds 500\n'done'", output: 'done' }],
  },
  async process(ctx) {
    const p = ctx.params;
    const ms = ctx.parameterSetName === 'Milliseconds' ? (p.Milliseconds ?? 0) : ctx.parameterSetName === 'FromTimeSpan' ? (p.Duration?.totalMilliseconds ?? 0) : (p.Seconds ?? 0) * 1000;
    await sleep(Math.max(0, ms), ctx.signal);
  },
});
