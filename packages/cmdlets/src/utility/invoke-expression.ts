/** Invoke-Expression. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';

/** Invoke-Expression. */
export const invokeExpression = defineCmdlet<{ Command: string }>({
  name: 'Invoke-Expression',
  parameters: [
    {
      name: 'Command',
      type: 'string',
      sets: { [ALL_PARAMETER_SETS]: { mandatory: true, position: 0, valueFromPipeline: true } },
      description: 'The script text to run.',
    },
  ],
  outputType: ['System.Management.Automation.PSObject'],
  help: {
    synopsis: 'Runs commands or expressions on the local computer.',
    description:
      "Parses a string as PowerShell script and runs it in the caller's scope, so variables and functions it defines remain afterwards. Its output, errors and warnings come out of Invoke-Expression. Never pass it text from an untrusted source.",
    examples: [
      { title: 'Run a command kept in a string', code: "$command = '1 + 2'\nInvoke-Expression $command", output: '3' },
      { title: "Define a variable in the caller's scope", code: "Invoke-Expression '$zone = \"west\"'\n$zone", output: 'west' },
    ],
  },
  async process(ctx) {
    const block = ctx.session.engine.compile(ctx.params.Command);
    const output = await block.invoke({ scope: ctx.scope, dotSource: true, signal: ctx.signal, streams: ctx.streams });
    for (const value of output) await ctx.write(value);
  },
});
