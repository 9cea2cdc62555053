/** Where-Object: keeps the pipeline objects a script block or a property comparison accepts. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import { toBoolean, comparisonOperator, type ComparisonOperator, errorRecord, getMember, enumerableItems } from '@dpmsh/runtime';
import type { ScriptBlock } from '@dpmsh/runtime';

const all = ALL_PARAMETER_SETS;

const OPERATORS: readonly ComparisonOperator[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'notlike', 'match', 'notmatch', 'contains', 'notcontains', 'in', 'notin'];
const CASE_SENSITIVE = OPERATORS.map((o) => `C${o.toUpperCase()}`);

interface WhereParameters {
  FilterScript?: ScriptBlock;
  InputObject?: unknown;
  Property?: string;
  Value?: unknown;
  [operator: string]: unknown;
}

/** Where-Object. */
export const whereObject = defineCmdlet<WhereParameters>({
  name: 'Where-Object',
  defaultParameterSet: 'EqualSet',
  parameters: [
    { name: 'InputObject', type: 'psobject', sets: { [all]: { valueFromPipeline: true } }, description: 'The objects to filter.' },
    { name: 'FilterScript', type: 'scriptblock', sets: { ScriptBlockSet: { mandatory: true, position: 0 } }, description: 'Keeps the objects for which it returns true ($_ is the object).' },
    { name: 'Property', type: 'string', sets: { [all]: { position: 0 } }, description: 'The property the comparison reads.' },
    { name: 'Value', type: 'object', sets: { [all]: { position: 1 } }, description: 'The value to compare with.' },
    { name: 'EQ', type: 'switch', aliases: ['IEQ'], sets: { EqualSet: {} }, description: 'Keeps the objects whose property equals the value (the default).' },
    ...OPERATORS.filter((o) => o !== 'eq').map((o) => ({ name: o.toUpperCase(), type: 'switch', sets: { [`${o.toUpperCase()}Set`]: { mandatory: true } }, description: `Keeps the objects whose property is -${o} the value.` })),
    ...CASE_SENSITIVE.map((o) => ({ name: o, type: 'switch', sets: { [`${o}Set`]: { mandatory: true } }, description: `Case-sensitive -${o.slice(1).toLowerCase()}.` })),
    { name: 'Not', type: 'switch', sets: { NotSet: { mandatory: true } }, description: 'Keeps the objects whose property is false or absent.' },
  ],
  help: {
    synopsis: 'Selects objects from a collection based on their property values.',
    description: 'Keeps the input objects for which a script block returns true, or whose property compares as asked (Where-Object Name -eq x).',
    examples: [
      { title: 'Keep the even numbers', code: '1..6 | Where-Object { $_ % 2 -eq 0 }', output: '2\n4\n6' },
      { title: 'Compare a property', code: "'a','bb','ccc' | Where-Object Length -gt 1", output: 'bb\nccc' },
    ],
  },
  async process(ctx) {
    const input = ctx.params.InputObject;
    if (ctx.parameterSetName === 'ScriptBlockSet') {
      const output = await ctx.params.FilterScript!.invoke({ dollarUnder: input, scope: ctx.scope, dotSource: true, signal: ctx.signal, streams: ctx.streams });
      if (toBoolean(output.length === 1 ? output[0] : output.length === 0 ? false : output)) await ctx.write(input);
      return;
    }
    const name = ctx.params.Property;
    if (name === undefined) {
      return ctx.throwTerminating(errorRecord('Specify -FilterScript or -Property with a comparison operator.', 'WhereObjectMissingProperty', 'InvalidArgument'));
    }
    const value = getMember(input, name);
    const set = ctx.parameterSetName.replace(/Set$/, '');
    if (set === 'Not') {
      if (!toBoolean(value ?? null)) await ctx.write(input);
      return;
    }
    if (set === 'Equal') {
      if (!ctx.boundParameters.has('Value')) {
        if (toBoolean(value ?? null)) await ctx.write(input);
        return;
      }
    }
    const caseSensitive = set.startsWith('C') && CASE_SENSITIVE.includes(set);
    const op = (set === 'Equal' ? 'eq' : caseSensitive ? set.slice(1) : set).toLowerCase() as ComparisonOperator;
    const result = comparisonOperator(op, value ?? null, ctx.params.Value ?? null, { caseSensitive });
    const keep = enumerableItems(result) ? (enumerableItems(result) ?? []).length > 0 : result === true;
    if (keep) await ctx.write(input);
  },
});
