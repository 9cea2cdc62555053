/** Write-Output: sends objects down the pipeline. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';

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
