/** Write-Information: writes an object to the information stream. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';

const all = ALL_PARAMETER_SETS;

/** Write-Information. */
export const writeInformation = defineCmdlet<{ MessageData: unknown; Tags?: string[] }>({
  name: 'Write-Information',
  parameters: [
    { name: 'MessageData', type: 'object', aliases: ['Msg', 'Message'], sets: { [all]: { mandatory: true, position: 0 } }, description: 'The object to write to the information stream.' },
    { name: 'Tags', type: 'string[]', sets: { [all]: { position: 1 } }, description: 'Tags to filter the records by later.' },
  ],
  help: {
    synopsis: 'Specifies how PowerShell handles information stream data for a command.',
    description: 'Writes an object to the information stream. It shows only when $InformationPreference or -InformationAction is Continue; -InformationVariable and `6>&1` capture it.',
    examples: [
      { title: 'Shown with -InformationAction Continue', code: 'Write-Information "Backup started" -InformationAction Continue', output: 'Backup started' },
      { title: 'Capture the record', code: '$r = Write-Information "kept" -Tags Backup -InformationAction Continue 6>&1; "[$r]"', output: '[kept]' },
    ],
  },
  process(ctx) {
    ctx.writeInformation(ctx.params.MessageData, ctx.params.Tags ?? []);
  },
});
