/** Out-Host: formats objects and writes them to the host. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';
import type { CmdletDefinition } from '../session/cmdlet.js';
import { createOutDefault } from '../formatting/index.js';
import type { StreamingFormatter } from '../formatting/index.js';

const all = ALL_PARAMETER_SETS;

interface OutHostParameters {
  InputObject?: unknown;
  Paging?: boolean;
}

const hostFormatters = new WeakMap<object, StreamingFormatter>();

/** Out-Host. */
export const outHostCmdlet: CmdletDefinition<OutHostParameters> = defineCmdlet<OutHostParameters>({
  name: 'Out-Host',
  aliases: ['oh'],
  parameters: [
    { name: 'Paging', type: 'switch', sets: { [all]: {} }, description: 'Shows one page at a time (ignored when the host cannot page, as in scripted runs).' },
    { name: 'InputObject', type: 'psobject', sets: { [all]: { valueFromPipeline: true } }, description: 'The objects to show.' },
  ],
  help: {
    synopsis: 'Sends output to the command line.',
    description: 'Formats its input and writes it to the host, as Out-Default does at the end of a pipeline; it outputs nothing.',
    examples: [{ title: 'Show a value from inside a script', code: "'shown' | Out-Host", output: 'shown' }],
  },
  begin(ctx) {
    hostFormatters.set(ctx, createOutDefault({ host: ctx.session.host, session: ctx.session }));
  },
  async process(ctx) {
    if (!ctx.boundParameters.has('InputObject')) return;
    await hostFormatters.get(ctx)?.write(ctx.params.InputObject);
  },
  async end(ctx) {
    await hostFormatters.get(ctx)?.flush();
  },
});
