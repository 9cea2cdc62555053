/** Out-Null: discards its input. */
import { ALL_PARAMETER_SETS } from '../metadata/command.js';
import { defineCmdlet } from '../session/cmdlet.js';

const all = ALL_PARAMETER_SETS;

/** Out-Null. */
export const outNull = defineCmdlet<{ InputObject?: unknown }>({
  name: 'Out-Null',
  parameters: [{ name: 'InputObject', type: 'object', sets: { [all]: { valueFromPipeline: true } }, description: 'The objects to discard.' }],
  help: {
    synopsis: 'Discards its input.',
    description: 'Deletes output instead of sending it down the pipeline or to the console.',
    examples: [{ title: 'Discard output', code: "1..3 | Out-Null\n'done'", output: 'done' }],
  },
  process() {},
});
