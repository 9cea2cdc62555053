/** Format-Table: format data for a table of the input objects. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import type { CmdletDefinition } from '../session/cmdlet.js';
import { isSwitchOn } from '@dpmsh/runtime';
import { beginShaping, commonParameters, endShaping, shapeInput, FORMAT_OUTPUT, type CommonFormatParameters } from './format-shaping.js';

const all = ALL_PARAMETER_SETS;

interface TableParameters extends CommonFormatParameters {
  Property?: unknown[];
  AutoSize?: boolean;
  HideTableHeaders?: boolean;
  Wrap?: boolean;
  RepeatHeader?: boolean;
}

/** Format-Table. */
export const formatTableCmdlet: CmdletDefinition<TableParameters> = defineCmdlet<TableParameters>({
  name: 'Format-Table',
  aliases: ['ft'],
  parameters: [
    { name: 'Property', type: 'object[]', sets: { [all]: { position: 0 } }, description: 'The properties to show, in order: names (wildcards allowed), script blocks, or calculated properties @{Name=...; Expression=...; Width=...; Alignment=...; FormatString=...}.' },
    { name: 'AutoSize', type: 'switch', sets: { [all]: {} }, description: 'Sizes the columns to all the data instead of the first objects.' },
    { name: 'RepeatHeader', type: 'switch', sets: { [all]: {} }, description: 'Repeats the header after every screenful.' },
    { name: 'HideTableHeaders', type: 'switch', sets: { [all]: {} }, description: 'Omits the column headers.' },
    { name: 'Wrap', type: 'switch', sets: { [all]: {} }, description: 'Wraps long values over several lines instead of cutting them with an ellipsis.' },
    ...commonParameters,
  ],
  outputType: FORMAT_OUTPUT,
  help: {
    synopsis: 'Formats the output as a table.',
    description:
      'Formats objects as a table with one column per property. Without -Property it shows the properties the type\'s view names, else the object\'s own properties. Column widths come from the headers and the first objects (all of them with -AutoSize); longer values are cut with an ellipsis unless -Wrap is given. Numbers are right-aligned.',
    examples: [
      {
        title: 'Choose the columns',
        code: "[pscustomobject]@{ Name = 'vault1'; Size = 10; Region = 'westus' } | Format-Table Name, Size",
        output: '\nName   Size\n----   ----\nvault1   10\n',
      },
      {
        title: 'A calculated column',
        code: "[pscustomobject]@{ Name = 'a'; Bytes = 2048 } | Format-Table Name, @{ Name = 'KB'; Expression = { $_.Bytes / 1024 } }",
        output: '\nName KB\n---- --\na     2\n',
      },
    ],
  },
  begin(ctx) {
    beginShaping(ctx, 'table', { property: ctx.params.Property, autoSize: isSwitchOn(ctx.params.AutoSize) || undefined, wrap: isSwitchOn(ctx.params.Wrap) || undefined, hideTableHeaders: isSwitchOn(ctx.params.HideTableHeaders) });
  },
  process: shapeInput,
  end: endShaping,
});
