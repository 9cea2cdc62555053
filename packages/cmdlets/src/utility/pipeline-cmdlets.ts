/** The pipeline's own cmdlets: Write-Output, Out-Null, ForEach-Object, Where-Object. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet, type CmdletContext } from '../session/cmdlet.js';
import { toBoolean, comparisonOperator, type ComparisonOperator, errorRecord, getMember, invokeMethod, enumerableItems } from '@dpmsh/runtime';
import type { ScriptBlock } from '@dpmsh/runtime';

const all = ALL_PARAMETER_SETS;

/** Write-Output. */
export const writeOutput = defineCmdlet<{ InputObject: unknown[]; NoEnumerate?: boolean }>({
  name: 'Write-Output',
  parameters: [
    { name: 'InputObject', type: 'object[]', sets: { [all]: { mandatory: true, position: 0, valueFromPipeline: true, valueFromRemainingArguments: true } }, allowNull: true, allowEmptyCollection: true, description: 'The objects to send down the pipeline.' },
    { name: 'NoEnumerate', type: 'switch', sets: { [all]: {} }, description: 'Sends a collection as one object.' },
  ],
  outputType: ['System.Management.Automation.PSObject'],
  help: {
    synopsis: 'Writes objects to the pipeline.',
    description: 'Sends objects to the next command of the pipeline, or to the console when it is the last command. Collections are enumerated unless -NoEnumerate is given.',
    examples: [{ title: 'Write two objects', code: 'Write-Output 1, "two"', output: '1\ntwo' }],
  },
  async process(ctx) {
    const values = ctx.params.InputObject;
    if (ctx.params.NoEnumerate) await ctx.write(values.length === 1 ? values[0] : values);
    else for (const v of values) await ctx.write(v, { enumerate: true });
  },
});

/** Out-Null. */
export const outNull = defineCmdlet<{ InputObject?: unknown }>({
  name: 'Out-Null',
  parameters: [{ name: 'InputObject', type: 'object', sets: { [all]: { valueFromPipeline: true } }, description: 'The objects to discard.' }],
  help: {
    synopsis: 'Discards its input.',
    description: 'Deletes output instead of sending it down the pipeline or to the console.',
    examples: [{ title: 'Discard output', code: 'New-BackupVault -Name v1 -Location westus | Out-Null' }],
  },
  process() {},
});

/** Runs a script block in the caller's scope with $_ set, as ForEach-Object does, writing its output. */
async function invokeBlock(block: ScriptBlock, input: unknown, ctx: CmdletContext<unknown>): Promise<void> {
  const output = await block.invoke({ dollarUnder: input, scope: ctx.scope, dotSource: true, signal: ctx.signal, streams: ctx.streams });
  for (const v of output) await ctx.write(v);
}

interface ForEachParameters {
  Process?: ScriptBlock[];
  Begin?: ScriptBlock;
  End?: ScriptBlock;
  RemainingScripts?: ScriptBlock[];
  MemberName?: string;
  ArgumentList?: unknown[];
  InputObject?: unknown;
}

/** ForEach-Object. */
export const forEachObject = defineCmdlet<ForEachParameters>({
  name: 'ForEach-Object',
  defaultParameterSet: 'ScriptBlockSet',
  parameters: [
    { name: 'InputObject', type: 'psobject', sets: { [all]: { valueFromPipeline: true } }, description: 'The objects to act on.' },
    { name: 'Begin', type: 'scriptblock', sets: { ScriptBlockSet: {} }, description: 'Runs once before the first input object.' },
    { name: 'Process', type: 'scriptblock[]', sets: { ScriptBlockSet: { mandatory: true, position: 0 } }, description: 'Runs for each input object, with $_ set to it.' },
    { name: 'End', type: 'scriptblock', sets: { ScriptBlockSet: {} }, description: 'Runs once after the last input object.' },
    { name: 'RemainingScripts', type: 'scriptblock[]', sets: { ScriptBlockSet: { valueFromRemainingArguments: true } }, description: 'More script blocks: with -Process, the first is begin-like and the last end-like, as PowerShell reads them.' },
    { name: 'MemberName', type: 'string', sets: { PropertyAndMethodSet: { mandatory: true, position: 0 } }, description: 'A property to get or a method to call on each input object.' },
    { name: 'ArgumentList', type: 'object[]', aliases: ['Args'], sets: { PropertyAndMethodSet: { valueFromRemainingArguments: true } }, description: 'Arguments of the method -MemberName calls.' },
  ],
  help: {
    synopsis: 'Performs an operation on each item of the pipeline.',
    description: 'Runs a script block for each input object ($_ is the object), or gets a property or calls a method of each. The script blocks run in the caller\'s scope, so they can change its variables.',
    examples: [{ title: 'Double each number', code: '1..3 | ForEach-Object { $_ * 2 }', output: '2\n4\n6' }],
  },
  async begin(ctx) {
    if (ctx.parameterSetName !== 'ScriptBlockSet') return;
    const blocks = [...(ctx.params.Process ?? []), ...(ctx.params.RemainingScripts ?? [])];
    // With several positional blocks and no -Begin/-End, PowerShell reads them as begin, process..., end.
    const begin = ctx.params.Begin ?? (blocks.length > 2 ? blocks[0] : undefined);
    if (begin) await invokeBlock(begin, undefined, ctx);
  },
  async process(ctx) {
    if (ctx.input === undefined && !ctx.boundParameters.has('InputObject')) return;
    const input = ctx.params.InputObject;
    if (ctx.parameterSetName === 'PropertyAndMethodSet') {
      const name = String(ctx.params.MemberName);
      const args = ctx.params.ArgumentList;
      const value = args && args.length > 0 ? await invokeMethod(input, name, args) : getMember(input, name);
      if (value !== undefined) await ctx.write(value, { enumerate: true });
      return;
    }
    const blocks = [...(ctx.params.Process ?? []), ...(ctx.params.RemainingScripts ?? [])];
    const process = blocks.length > 2 && !ctx.params.Begin ? blocks.slice(1, -1) : blocks.length === 2 && !ctx.params.End && ctx.params.RemainingScripts ? blocks.slice(0, 1) : blocks;
    for (const block of process) await invokeBlock(block, input, ctx);
  },
  async end(ctx) {
    if (ctx.parameterSetName !== 'ScriptBlockSet') return;
    const blocks = [...(ctx.params.Process ?? []), ...(ctx.params.RemainingScripts ?? [])];
    const end = ctx.params.End ?? (blocks.length >= 2 && ctx.params.RemainingScripts ? blocks[blocks.length - 1] : undefined);
    if (end) await invokeBlock(end, undefined, ctx);
  },
});

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
