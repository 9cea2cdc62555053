/** ForEach-Object: runs script blocks, or gets a member, for each pipeline object. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet, type CmdletContext } from '../session/cmdlet.js';
import { getMember, invokeMethod } from '@dpmsh/runtime';
import type { ScriptBlock } from '@dpmsh/runtime';

const all = ALL_PARAMETER_SETS;

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
