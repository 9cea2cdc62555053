/** Out-String: objects as the text Out-Default would print. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import type { CmdletContext, CmdletDefinition } from '../session/cmdlet.js';
import { isSwitchOn } from '@dpmsh/runtime';
import { lineFormatter, type OutState } from './out-text.js';

const all = ALL_PARAMETER_SETS;

/** The formatter and lines of each invocation (keyed by its context, which lives as long as it). */
const states = new WeakMap<object, OutState>();

interface OutStringParameters {
  InputObject?: unknown;
  Stream?: boolean;
  Width?: number;
  NoNewline?: boolean;
}

async function flushStringLines(ctx: CmdletContext<OutStringParameters>, state: OutState): Promise<void> {
  const lines = state.lines.splice(0);
  if (isSwitchOn(ctx.params.Stream)) {
    for (const line of lines) await ctx.write(line);
    return;
  }
  const newline = isSwitchOn(ctx.params.NoNewline) ? '' : '\n';
  for (const line of lines) state.text += line + newline;
}

/** Out-String. */
export const outStringCmdlet: CmdletDefinition<OutStringParameters> = defineCmdlet<OutStringParameters>({
  name: 'Out-String',
  defaultParameterSet: 'NoNewLineFormatting',
  parameters: [
    { name: 'Stream', type: 'switch', sets: { StreamFormatting: {} }, description: 'Writes each line as its own string instead of one string of all the text.' },
    { name: 'NoNewline', type: 'switch', sets: { NoNewLineFormatting: {} }, description: 'Leaves out the newlines, joining the lines of the text.' },
    { name: 'Width', type: 'int', sets: { [all]: {} }, validation: [{ kind: 'range', min: 2, max: 2147483647 }], description: 'The number of characters in each line; longer table cells are cut, longer list values wrapped.' },
    { name: 'InputObject', type: 'psobject', sets: { [all]: { valueFromPipeline: true } }, description: 'The objects to write as text.' },
  ],
  outputType: ['System.String'],
  help: {
    synopsis: 'Outputs input objects as a string.',
    description: 'Formats its input as Out-Default would print it and outputs the text as one string (every line ending in a newline), or, with -Stream, one string per line.',
    examples: [
      { title: 'A table as text', code: "[pscustomobject]@{ A = 1; B = 'x' } | Out-String", output: '\nA B\n- -\n1 x\n\n' },
      { title: 'One string per line', code: "(1, 2 | Out-String -Stream).Count", output: '2' },
    ],
  },
  begin(ctx) {
    const lines: string[] = [];
    states.set(ctx, { formatter: lineFormatter(ctx, ctx.params.Width, lines), lines, text: '' });
  },
  async process(ctx) {
    if (!ctx.boundParameters.has('InputObject')) return;
    const state = states.get(ctx);
    if (!state) return;
    await state.formatter.write(ctx.params.InputObject);
    await flushStringLines(ctx, state);
  },
  async end(ctx) {
    const state = states.get(ctx);
    if (!state) return;
    await state.formatter.flush();
    await flushStringLines(ctx, state);
    if (!isSwitchOn(ctx.params.Stream)) await ctx.write(state.text);
  },
});
