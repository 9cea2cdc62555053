/** Write-Progress: shows or updates a progress bar on the host. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { isSwitchOn } from '@dpmsh/runtime';
import type { PSSwitch } from '@dpmsh/runtime';

const all = ALL_PARAMETER_SETS;

interface WriteProgressParameters {
  Activity?: string;
  Status?: string;
  Id?: number;
  PercentComplete?: number;
  SecondsRemaining?: number;
  CurrentOperation?: string;
  ParentId?: number;
  Completed?: PSSwitch;
  SourceId?: number;
}

/** Write-Progress. */
export const writeProgress = defineCmdlet<WriteProgressParameters>({
  name: 'Write-Progress',
  parameters: [
    { name: 'Activity', type: 'string', sets: { [all]: { position: 0 } }, description: 'The first line of the progress display: what is being done.' },
    { name: 'Status', type: 'string', sets: { [all]: { position: 1 } }, allowEmptyString: false, defaultValueText: 'Processing', description: 'The state of the activity.' },
    { name: 'Id', type: 'int', sets: { [all]: { position: 2 } }, validation: [{ kind: 'range', min: 0, max: 2147483647 }], defaultValueText: '0', description: 'Tells progress bars apart.' },
    { name: 'PercentComplete', type: 'int', sets: { [all]: {} }, validation: [{ kind: 'range', min: -1, max: 100 }], defaultValueText: '-1', description: 'How much of the activity is done, -1 when unknown.' },
    { name: 'SecondsRemaining', type: 'int', sets: { [all]: {} }, defaultValueText: '-1', description: 'The time left.' },
    { name: 'CurrentOperation', type: 'string', sets: { [all]: {} }, description: 'The line under the bar: the current step.' },
    { name: 'ParentId', type: 'int', sets: { [all]: {} }, validation: [{ kind: 'range', min: -1, max: 2147483647 }], defaultValueText: '-1', description: 'The activity this one is part of.' },
    { name: 'Completed', type: 'switch', sets: { [all]: {} }, description: 'Removes the progress display.' },
    { name: 'SourceId', type: 'int', sets: { [all]: {} }, description: 'The source of the record.' },
  ],
  help: {
    synopsis: 'Displays a progress bar within a PowerShell command window.',
    description: 'Shows or updates a progress bar on the host. Scripted runs without a terminal show nothing, and $ProgressPreference SilentlyContinue hides it.',
    examples: [{ title: 'Report progress of a loop', code: 'foreach ($i in 1..3) { Write-Progress -Activity "Copying" -Status "$i of 3" -PercentComplete ($i * 33) }; Write-Progress -Activity "Copying" -Completed; "copied"', output: 'copied' }],
  },
  process(ctx) {
    const p = ctx.params;
    ctx.writeProgress({
      activityId: p.Id ?? 0,
      parentActivityId: p.ParentId ?? -1,
      activity: p.Activity ?? '',
      status: p.Status ?? 'Processing',
      currentOperation: p.CurrentOperation,
      percentComplete: p.PercentComplete ?? -1,
      secondsRemaining: p.SecondsRemaining ?? -1,
      completed: isSwitchOn(p.Completed),
    });
  },
});
