/**
 * Format-Table, Format-List and Format-Wide. Like PowerShell's, they write format data (made by
 * the formatting package's FormatShaper), not text: Out-Default, Out-String and Out-File lay it
 * out for their own width.
 */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { ParameterMetadata } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import type { CmdletContext, CmdletDefinition } from '../session/cmdlet.js';
import { FormatShaper, enumerationLimitOf } from '../formatting/index.js';
import type { FormatOptions, FormatShape } from '../formatting/index.js';
import { isSwitchOn } from '@dpmsh/runtime';

const all = ALL_PARAMETER_SETS;

interface CommonFormatParameters {
  InputObject?: unknown;
  GroupBy?: unknown;
  View?: string;
  Force?: boolean;
  ShowError?: boolean;
  DisplayError?: boolean;
  Expand?: string;
}

interface TableParameters extends CommonFormatParameters {
  Property?: unknown[];
  AutoSize?: boolean;
  HideTableHeaders?: boolean;
  Wrap?: boolean;
  RepeatHeader?: boolean;
}

interface ListParameters extends CommonFormatParameters {
  Property?: unknown[];
}

interface WideParameters extends CommonFormatParameters {
  Property?: unknown;
  AutoSize?: boolean;
  Column?: number;
}

const commonParameters: readonly ParameterMetadata[] = [
  { name: 'GroupBy', type: 'object', sets: { [all]: {} }, description: 'Starts a new group, with a header, whenever this property (or calculated property) changes.' },
  { name: 'View', type: 'string', sets: { [all]: {} }, description: 'The name of a registered view to use.' },
  { name: 'ShowError', type: 'switch', sets: { [all]: {} }, description: 'Shows the errors of calculated properties.' },
  { name: 'DisplayError', type: 'switch', sets: { [all]: {} }, description: 'Shows the errors of calculated properties in the output.' },
  { name: 'Force', type: 'switch', sets: { [all]: {} }, description: 'Formats strings and numbers with the requested shape instead of printing them as text.' },
  {
    name: 'Expand',
    type: 'string',
    sets: { [all]: {} },
    validation: [{ kind: 'set', values: ['CoreOnly', 'EnumOnly', 'Both'], ignoreCase: true }],
    description: 'How collections are formatted: as objects (CoreOnly), their items (EnumOnly), or both.',
  },
  { name: 'InputObject', type: 'psobject', sets: { [all]: { valueFromPipeline: true } }, description: 'The objects to format.' },
];

/** The shaper of one invocation (keyed by its context, which lives as long as it). */
const shapers = new WeakMap<object, FormatShaper>();

function beginShaping(ctx: CmdletContext<CommonFormatParameters>, shape: FormatShape, options: FormatOptions): void {
  shapers.set(ctx, new FormatShaper(shape, { ...options, groupBy: ctx.params.GroupBy, view: ctx.params.View, force: isSwitchOn(ctx.params.Force), enumerationLimit: enumerationLimitOf(ctx.session), scope: ctx.scope, tables: ctx.session }));
}

async function shapeInput(ctx: CmdletContext<CommonFormatParameters>): Promise<void> {
  if (!ctx.boundParameters.has('InputObject')) return;
  const shaper = shapers.get(ctx);
  if (!shaper) return;
  for (const packet of await shaper.process(ctx.params.InputObject)) await ctx.write(packet);
}

async function endShaping(ctx: CmdletContext<CommonFormatParameters>): Promise<void> {
  const shaper = shapers.get(ctx);
  if (!shaper) return;
  for (const packet of shaper.end()) await ctx.write(packet);
}

const FORMAT_OUTPUT = ['Microsoft.PowerShell.Commands.Internal.Format.FormatStartData', 'Microsoft.PowerShell.Commands.Internal.Format.GroupStartData', 'Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData', 'Microsoft.PowerShell.Commands.Internal.Format.GroupEndData', 'Microsoft.PowerShell.Commands.Internal.Format.FormatEndData'];

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
