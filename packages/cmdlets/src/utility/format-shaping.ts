/**
 * What Format-Table, Format-List and Format-Wide share. Like PowerShell's, they write format data
 * (made by the formatting package's FormatShaper), not text: Out-Default, Out-String and Out-File
 * lay it out for their own width.
 */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { ParameterMetadata } from '../metadata/command.js';
import type { CmdletContext } from '../session/cmdlet.js';
import { FormatShaper, enumerationLimitOf } from '../formatting/index.js';
import type { FormatOptions, FormatShape } from '../formatting/index.js';
import { isSwitchOn } from '@dpmsh/runtime';

const all = ALL_PARAMETER_SETS;

/** The parameters every Format-* cmdlet takes. */
export interface CommonFormatParameters {
  InputObject?: unknown;
  GroupBy?: unknown;
  View?: string;
  Force?: boolean;
  ShowError?: boolean;
  DisplayError?: boolean;
  Expand?: string;
}

/** The metadata of the parameters in CommonFormatParameters. */
export const commonParameters: readonly ParameterMetadata[] = [
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

/** Starts the invocation's shaper with the shape and options its cmdlet asks for. */
export function beginShaping(ctx: CmdletContext<CommonFormatParameters>, shape: FormatShape, options: FormatOptions): void {
  shapers.set(ctx, new FormatShaper(shape, { ...options, groupBy: ctx.params.GroupBy, view: ctx.params.View, force: isSwitchOn(ctx.params.Force), enumerationLimit: enumerationLimitOf(ctx.session), scope: ctx.scope, tables: ctx.session }));
}

/** Shapes one input object and writes the format data it yields. */
export async function shapeInput(ctx: CmdletContext<CommonFormatParameters>): Promise<void> {
  if (!ctx.boundParameters.has('InputObject')) return;
  const shaper = shapers.get(ctx);
  if (!shaper) return;
  for (const packet of await shaper.process(ctx.params.InputObject)) await ctx.write(packet);
}

/** Writes the format data the shaper holds back until the end. */
export async function endShaping(ctx: CmdletContext<CommonFormatParameters>): Promise<void> {
  const shaper = shapers.get(ctx);
  if (!shaper) return;
  for (const packet of shaper.end()) await ctx.write(packet);
}

/** The output types of the Format-* cmdlets: PowerShell's format data classes. */
export const FORMAT_OUTPUT = ['Microsoft.PowerShell.Commands.Internal.Format.FormatStartData', 'Microsoft.PowerShell.Commands.Internal.Format.GroupStartData', 'Microsoft.PowerShell.Commands.Internal.Format.FormatEntryData', 'Microsoft.PowerShell.Commands.Internal.Format.GroupEndData', 'Microsoft.PowerShell.Commands.Internal.Format.FormatEndData'];
