/** Format-List: format data for a list of each input object's properties. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import type { CmdletDefinition } from '../session/cmdlet.js';
import { beginShaping, commonParameters, endShaping, shapeInput, FORMAT_OUTPUT, type CommonFormatParameters } from './format-shaping.js';

const all = ALL_PARAMETER_SETS;

interface ListParameters extends CommonFormatParameters {
  Property?: unknown[];
}

/** Format-List. */
export const formatListCmdlet: CmdletDefinition<ListParameters> = defineCmdlet<ListParameters>({
  name: 'Format-List',
  aliases: ['fl'],
  parameters: [
    { name: 'Property', type: 'object[]', sets: { [all]: { position: 0 } }, description: 'The properties to show: names (wildcards allowed, * for all), script blocks, or calculated properties @{Name=...; Expression=...; FormatString=...}.' },
    ...commonParameters,
  ],
  outputType: FORMAT_OUTPUT,
  help: {
    synopsis: 'Formats the output as a list of properties in which each property appears on a new line.',
    description: 'Formats each object as a list of "Name : Value" lines, the names padded so the colons line up, with an empty line after each object. -Property * shows every property.',
    examples: [
      {
        title: 'Show every property',
        code: "[pscustomobject]@{ Name = 'vault1'; Location = 'westus' } | Format-List *",
        output: '\nName     : vault1\nLocation : westus\n',
      },
    ],
  },
  begin(ctx) {
    beginShaping(ctx, 'list', { property: ctx.params.Property });
  },
  process: shapeInput,
  end: endShaping,
});
