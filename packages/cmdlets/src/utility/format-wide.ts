/** Format-Wide: format data for one property of each input object, in columns. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import type { CmdletDefinition } from '../session/cmdlet.js';
import { isSwitchOn } from '@dpmsh/runtime';
import { beginShaping, commonParameters, endShaping, shapeInput, FORMAT_OUTPUT, type CommonFormatParameters } from './format-shaping.js';

const all = ALL_PARAMETER_SETS;

interface WideParameters extends CommonFormatParameters {
  Property?: unknown;
  AutoSize?: boolean;
  Column?: number;
}

/** Format-Wide. */
export const formatWideCmdlet: CmdletDefinition<WideParameters> = defineCmdlet<WideParameters>({
  name: 'Format-Wide',
  aliases: ['fw'],
  parameters: [
    { name: 'Property', type: 'object', sets: { [all]: { position: 0 } }, description: 'The one property to show: a name, a script block, or a calculated property @{Expression=...; FormatString=...}.' },
    { name: 'AutoSize', type: 'switch', sets: { [all]: {} }, description: 'Puts as many columns on a line as the widest value allows.' },
    { name: 'Column', type: 'int', sets: { [all]: {} }, validation: [{ kind: 'range', min: 1, max: 2147483647 }], description: 'How many values to put on each line.' },
    ...commonParameters,
  ],
  outputType: FORMAT_OUTPUT,
  help: {
    synopsis: 'Formats objects as a wide table that displays only one property of each object.',
    description: 'Shows one property of each object (its name-like property unless -Property is given), in columns across the width: two by default, -Column n, or as many as fit with -AutoSize.',
    examples: [
      {
        title: 'Four columns',
        code: "1..5 | ForEach-Object { [pscustomobject]@{ Name = \"item$_\" } } | Format-Wide -Column 4",
        output: `\n${['item1', 'item2', 'item3'].map((t) => t.padEnd(30)).join('')}item4\nitem5\n`,
      },
    ],
  },
  begin(ctx) {
    const property = ctx.boundParameters.has('Property') ? [ctx.params.Property] : undefined;
    beginShaping(ctx, 'wide', { property, autoSize: isSwitchOn(ctx.params.AutoSize) || undefined, column: ctx.params.Column });
  },
  process: shapeInput,
  end: endShaping,
});
