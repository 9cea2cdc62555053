/** Start-Sleep: waits, and stops waiting as soon as the pipeline is stopped. */
import { defineCmdlet } from '../session/cmdlet.js';
import { PipelineStoppedError } from '@dpmsh/runtime';
import type { PSTimeSpan } from '@dpmsh/runtime';

/** Waits `ms` milliseconds, or throws PipelineStoppedError as soon as the signal aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
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
