/** Get-Unique: drops each object equal to the one just before it (input is expected sorted). */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import type { PSSwitch } from '@dpmsh/runtime';
import { defineCmdlet, type CmdletContext } from '../session/cmdlet.js';
import { dotNetToString, typeNamesOf, isSwitchOn } from '@dpmsh/runtime';
import { compareValues } from './object-keys.js';

const all = ALL_PARAMETER_SETS;

interface UniqueParameters {
  InputObject?: unknown;
  AsString?: PSSwitch;
  OnType?: PSSwitch;
  CaseInsensitive?: PSSwitch;
}

const previous = new WeakMap<object, { value: unknown }>();

function isRepeat(ctx: CmdletContext<UniqueParameters>, last: unknown, value: unknown): boolean {
  const p = ctx.params;
  const caseSensitive = !isSwitchOn(p.CaseInsensitive);
  if (isSwitchOn(p.AsString)) {
    const a = dotNetToString(last);
    const b = dotNetToString(value);
    return caseSensitive ? a === b : a.toLowerCase() === b.toLowerCase();
  }
  if (isSwitchOn(p.OnType)) return typeNamesOf(last)[0] === typeNamesOf(value)[0];
  return compareValues(last, value, caseSensitive) === 0;
}

/** Get-Unique. */
export const getUnique = defineCmdlet<UniqueParameters>({
  name: 'Get-Unique',
  defaultParameterSet: 'AsString',
  parameters: [
    { name: 'InputObject', type: 'psobject', sets: { [all]: { valueFromPipeline: true } }, description: 'The objects, sorted, to remove repeats from.' },
    { name: 'AsString', type: 'switch', sets: { AsString: {} }, description: 'Compares the objects as strings.' },
    { name: 'OnType', type: 'switch', sets: { UniqueByType: {} }, description: 'Keeps one object of each run of the same type.' },
    { name: 'CaseInsensitive', type: 'switch', sets: { [all]: {} }, description: 'Ignores case when comparing strings.' },
  ],
  outputType: ['System.Management.Automation.PSObject'],
  help: {
    synopsis: 'Returns unique items from a sorted list.',
    description: 'Compares each object with the one before it and writes it only when it differs, so a sorted list comes out without repeats. Strings compare case-sensitively unless -CaseInsensitive.',
    examples: [
      { title: 'Remove repeats', code: '1, 1, 2, 3, 3 | Get-Unique', output: '1\n2\n3' },
      { title: 'One per type', code: "1, 2, 'a', 'b', 3 | Get-Unique -OnType", output: '1\na\n3' },
    ],
  },
  async process(ctx) {
    if (!ctx.boundParameters.has('InputObject') && ctx.input === undefined) return;
    const value = ctx.params.InputObject;
    const last = previous.get(ctx);
    if (last && isRepeat(ctx, last.value, value)) return;
    previous.set(ctx, { value });
    await ctx.write(value);
  },
});
